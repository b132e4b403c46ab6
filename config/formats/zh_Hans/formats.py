"""Date formats for Chinese readers where Django's own differ from how dates are written here.

Django's zh_Hans ``MONTH_DAY_FORMAT`` is ``m月j日``, which prints 09月5日; readers write 9月5日,
the short form dense tables and date ranges use (``{{ day|date:"MONTH_DAY_FORMAT" }}``).
Everything not named here comes from Django's zh_Hans formats.
"""

MONTH_DAY_FORMAT = "n月j日"
