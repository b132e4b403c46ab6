"""The portal's own demo texts: home page introduction, guide, about page and site settings."""

HOME_INTRO = (
    "岳阳市南湖新区两新工委面向辖区非公企业和社会组织的党务公开、企务公开平台，"
    "同时承载廉政文化“一月一课一片一实践”和支部书记、入党积极分子培训。"
)

GUIDE_BODY = [
    ("heading", {"text": "公开内容", "level": "h2"}),
    (
        "paragraph",
        "<p>本平台集中发布辖区两新组织的党务公开和企务公开信息。党务公开包括决议决定及执行、"
        "工作计划、三会一课、组织建设、党费收缴使用、作风建设和党风廉政等内容；企务公开包括集体合同与工资、"
        "规章制度、社会保险与公积金、安全生产与职业健康、职工培训、评先评优和重大决策等内容。</p>",
    ),
    ("heading", {"text": "公开范围", "level": "h2"}),
    (
        "table",
        {
            "first_row_is_table_header": True,
            "first_col_is_header": True,
            "table_caption": "三种公开范围",
            "data": [
                ["公开范围", "谁能看到", "如何查看"],
                ["向社会公开", "所有人", "直接浏览，无需登录"],
                ["本单位职工", "本单位职工、党员和联络员", "使用单位发放的账号登录"],
                ["本支部党员", "本支部党员和支部书记", "使用单位发放的账号登录"],
            ],
        },
    ),
    ("heading", {"text": "查找与引用", "level": "h2"}),
    (
        "paragraph",
        "<p>每条公开信息都有唯一的索引号，发布后不再改变，可用于查找和引用。"
        "信息修订时页面会保留修订记录和说明；撤回的信息保留原地址，并注明撤回日期和原因。</p>",
    ),
    ("heading", {"text": "咨询与意见", "level": "h2"}),
    (
        "paragraph",
        "<p>对公开内容有疑问，可在工作日联系两新工委办公室，也可以向所在单位党支部书记或企业联络员反映。</p>",
    ),
]

ABOUT_BODY = [
    (
        "paragraph",
        "<p>南湖新区两新工委围绕“强基、赋能、共建、清朗”四大工程推进两新党建。"
        "本平台是“清朗工程”的一部分：推动两新组织党务公开、企务公开，"
        "并把门店宣传栏、电子显示屏和支架宣传板上的内容统一管理、统一发布。</p>",
    ),
    (
        "quote",
        {
            "text": "组织清朗、职工清廉、氛围清爽。",
            "source": "南湖新区两新组织“清朗工程”目标",
        },
    ),
]

# (title, slug, intro, body, shown in the menu); both are linked from the footer.
PAGES = [
    ("公开指南", "gong-kai-zhi-nan", "怎样查看、查找和引用平台上的公开信息。", GUIDE_BODY, True),
    ("关于本站", "guan-yu-ben-zhan", "平台的来历和用途。", ABOUT_BODY, False),
]

SITE_SETTINGS = {
    "address": "湖南省岳阳市南湖新区龙山路1号 两新工委办公室",
    "phone": "0730-8880000",
    "email": "liangxin@example.gov.cn",
    "icp_number": "湘ICP备00000000号-1",
}
