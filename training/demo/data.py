"""The training demo's data: courses with their lessons, exams and the names of demo learners.

The question banks are in `training.demo.questions`.
"""

from training.demo.questions import INTEGRITY, SECRETARY
from training.models import CourseAudience

INTEGRITY_COURSE = "dang-feng-lian-zheng-jian-she-zhi-shi"
SECRETARY_COURSE = "zhi-bu-shu-ji-lv-zhi-ji-chu"
COMPLIANCE_COURSE = "qi-ye-he-gui-jing-ying"

# (slug, title, audience, required, hours, summary, [(lesson title, minutes, paragraphs)]);
# the slugs are the ones Wagtail would make from the titles, and name the courses in the context.
COURSES = [
    (
        INTEGRITY_COURSE,
        "党风廉政建设知识",
        CourseAudience.SECRETARIES_AND_ACTIVISTS,
        True,
        4,
        "支部书记和入党积极分子的必修课：廉洁自律准则、纪律处分条例要点和两新组织常见廉洁风险。",
        [
            (
                "廉洁自律准则解读",
                30,
                [
                    "廉洁自律准则从正面倡导党员干部坚守的高标准。",
                    "两新组织党员要在生产经营中带头遵守，做到公私分明、崇廉拒腐。",
                ],
            ),
            (
                "纪律处分条例要点",
                35,
                [
                    "条例规定了政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律和生活纪律。",
                    "本课结合案例讲解常见违纪情形及处分。",
                ],
            ),
            (
                "两新组织常见廉洁风险",
                25,
                [
                    "采购、销售、招投标和财务报销是两新组织廉洁风险集中的环节。",
                    "支部应协助企业建立制度，把廉洁要求嵌入流程。",
                ],
            ),
            ("警示教育：一念之差", 20, ["观看警示教育片，思考身边的风险点。"]),
        ],
    ),
    (
        SECRETARY_COURSE,
        "支部书记履职基础",
        CourseAudience.SECRETARIES,
        True,
        3,
        "支部书记如何组织三会一课、主题党日和党务公开。",
        [
            ("三会一课的组织", 30, ["支部党员大会、支委会、党小组会和党课的召开要求与记录规范。"]),
            ("党务公开怎么做", 25, ["公开哪些内容、向谁公开、多长时间，在平台上如何发布和修订。"]),
        ],
    ),
    (
        "ru-dang-ji-ji-fen-zi-pei-yang",
        "入党积极分子培养",
        CourseAudience.ACTIVISTS,
        False,
        2,
        "入党积极分子的学习内容、培养考察和发展程序。",
        [("发展党员的程序", 30, ["从递交入党申请书到转为正式党员的各个环节。"])],
    ),
    (
        COMPLIANCE_COURSE,
        "企业合规经营",
        CourseAudience.ALL,
        False,
        2,
        "面向两新组织管理人员的合规经营课程：合同、税务与劳动用工。",
        [
            ("劳动用工合规", 25, ["劳动合同、工资支付、社会保险缴纳的法律要求。"]),
            ("诚信纳税", 20, ["发票管理与税务风险防范。"]),
        ],
    ),
]

# Course → (question bank, questions per attempt).
EXAMS = {INTEGRITY_COURSE: (INTEGRITY, 10), SECRETARY_COURSE: (SECRETARY, 5)}

SURNAMES = (
    "张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡"
)
GIVEN = [
    "建华",
    "丽娟",
    "志强",
    "海燕",
    "国庆",
    "晓敏",
    "红梅",
    "伟",
    "静",
    "磊",
    "芳",
    "军",
    "婷",
    "洋",
    "勇",
    "艳",
    "杰",
    "娜",
    "涛",
    "敏",
]
