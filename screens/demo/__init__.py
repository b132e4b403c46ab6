"""Demo screens: one landscape in a shop, one portrait in an office, with mixed playlists.

Imported only by `load_demo` (never by the running site).
"""

from datetime import time

from django.utils.translation import gettext as _

from disclosure.models import public_disclosures
from home.addresses import public_url
from screens.models import ItemKind, OpeningHours, Orientation, PlaylistItem, Screen


def load(context):
    """Two screens (once), showing the organisations', programmes' and courses' pages."""
    if Screen.objects.exists():
        return 0
    shop = Screen(
        name="建设集团营业厅大屏",
        place="岳阳南湖建设工程集团 一楼营业厅",
        organization=context.demo_organization,
        orientation=Orientation.LANDSCAPE,
        seconds_per_slide=12,
        poll_seconds=30,
    )
    shop.hours = [
        OpeningHours(weekday=day, opens=time(8, 30), closes=time(18, 0), sort_order=day)
        for day in range(6)
    ]
    shop.items = [
        PlaylistItem(
            kind=ItemKind.NOTICE, text="廉洁从业 诚信经营 —— 欢迎社会各界监督", sort_order=0
        ),
        PlaylistItem(kind=ItemKind.LATEST_DISCLOSURES, count=4, sort_order=1),
        PlaylistItem(kind=ItemKind.PROGRAMME, sort_order=2),
    ]
    shop.save()

    office = Screen(
        name="两新工委办公室立屏",
        place="南湖新区两新工委 三楼走廊",
        orientation=Orientation.PORTRAIT,
        seconds_per_slide=15,
        poll_seconds=30,
    )
    items = [PlaylistItem(kind=ItemKind.PROGRAMME, sort_order=0)]
    course = next((c for c in context.courses.values() if c.live and c.required), None)
    if course is not None:
        items.append(PlaylistItem(kind=ItemKind.PAGE, page=course, sort_order=1))
    for number, page in enumerate(public_disclosures().order_by("-published_on")[:2]):
        items.append(PlaylistItem(kind=ItemKind.PAGE, page=page, sort_order=2 + number))
    items.append(
        PlaylistItem(
            kind=ItemKind.NOTICE,
            text="本月主题党日：廉洁文化进企业，欢迎各支部参加。",
            sort_order=9,
        )
    )
    items.append(PlaylistItem(kind=ItemKind.LATEST_DISCLOSURES, count=3, sort_order=10))
    programme_poster = next(
        (p for p in reversed(context.programmes) if p.live and p.film_poster_id), None
    )
    if programme_poster is not None:
        items.append(
            PlaylistItem(
                kind=ItemKind.IMAGE,
                image=programme_poster.film_poster,
                text=f"警示教育片：{programme_poster.film_title}",
                sort_order=11,
            )
        )
    office.items = items
    office.save()
    context.stdout.write(_("Screens: two demo screens; open their players at:"))
    for screen in (shop, office):
        url = public_url(screen.get_absolute_url())
        context.stdout.write(f"  {screen.name}: {url}")
    return 2
