"""Labels for the period a disclosure covers, as on catalogues: 2026年10月, 2026年第三季度.

The label is stored with the disclosure as part of its content (like its title), so it is written
in Chinese, not translated.
"""

import calendar
import datetime

CHINESE_NUMERALS = "〇一二三四"


def last_day(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def chinese_date(day):
    return f"{day.year}年{day.month}月{day.day}日"


def period_label(start, end):
    """Name a whole month, quarter, half year or year; otherwise give the two dates."""
    if not start or not end:
        return ""
    whole_months = start.day == 1 and end == last_day(end.year, end.month)
    if whole_months and start.year == end.year:
        months = end.month - start.month + 1
        if months == 1:
            return f"{start.year}年{start.month}月"
        if months == 3 and start.month % 3 == 1:
            return f"{start.year}年第{CHINESE_NUMERALS[(start.month + 2) // 3]}季度"
        if months == 6 and start.month in (1, 7):
            return f"{start.year}年{'上' if start.month == 1 else '下'}半年"
        if months == 12:
            return f"{start.year}年度"
    return f"{chinese_date(start)}至{chinese_date(end)}"
