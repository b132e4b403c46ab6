"""The integrity demo's data: a year of themes, lessons, films and practices.

Written for this demo; `integrity.demo` makes the programme pages and short generated films.
"""

from integrity.models import PracticeKind

MONTHS = 12
# (theme, lesson title, speaker, film title, synopsis, practice title, kind). The films' lengths are
# not here: the demo's films are short generated clips, and the pages say how long they really are.
PROGRAMMES = [
    (
        "守住底线，清廉经营",
        "民营企业常见廉洁风险点",
        "区纪工委 李明",
        "一念之差",
        "某建材企业采购经理收受供应商回扣，从一次“人情往来”走到身陷囹圄。",
        "廉洁风险自查",
        PracticeKind.SEMINAR,
    ),
    (
        "亲清政商关系",
        "如何与职能部门打交道",
        "区营商办 王芳",
        "清白之路",
        "讲述一家物流企业坚持依法经营、拒绝“捷径”，最终赢得市场的故事。",
        "政企沟通规范学习会",
        PracticeKind.SEMINAR,
    ),
    (
        "家风与廉洁",
        "好家风是最好的防火墙",
        "区妇联 赵丽",
        "家书",
        "一封家书唤醒迷途之人，警示家庭助廉的重要作用。",
        "廉洁家书征集",
        PracticeKind.PLEDGE,
    ),
    (
        "财务合规",
        "发票、报销与资金往来的红线",
        "注册会计师 孙强",
        "账本里的秘密",
        "一家商贸公司财务人员挪用资金案件的始末。",
        "财务制度对照检查",
        PracticeKind.SEMINAR,
    ),
    (
        "诚信纳税",
        "偷逃税款的法律后果",
        "区税务局 陈刚",
        "代价",
        "以真实案例改编，展现偷逃税款对企业和个人造成的严重后果。",
        "参观税法宣传教育基地",
        PracticeKind.VISIT,
    ),
    (
        "工程建设领域廉洁",
        "招投标中的廉洁要求",
        "区住建局 刘洋",
        "围标",
        "揭示工程招投标中围标串标的危害。",
        "项目现场廉洁承诺",
        PracticeKind.PLEDGE,
    ),
    (
        "党员先锋作用",
        "党员在企业中的示范带头",
        "区两新工委 周华",
        "初心",
        "一名党员车间主任拒绝利益输送、带头攻坚的故事。",
        "党员示范岗志愿服务",
        PracticeKind.VOLUNTEER,
    ),
    (
        "警钟长鸣",
        "典型案例剖析",
        "区纪工委 李明",
        "悔",
        "多名违纪违法人员现身说法。",
        "参观廉政教育基地",
        PracticeKind.VISIT,
    ),
    (
        "数字时代的廉洁",
        "网络交易与数据合规",
        "律师 吴静",
        "看不见的交易",
        "网络平台上的不正当交易如何被查处。",
        "网络安全与廉洁专题研讨",
        PracticeKind.SEMINAR,
    ),
    (
        "廉洁文化进企业",
        "把清廉写进企业章程",
        "区工商联 郑伟",
        "章程里的底线",
        "一家民营企业修订章程、建立清廉制度的实践。",
        "清廉制度上墙",
        PracticeKind.OTHER,
    ),
    (
        "服务群众",
        "社会组织的公益初心",
        "区民政局 冯敏",
        "守望",
        "社工机构坚守公益、拒绝套取项目资金的故事。",
        "社区志愿服务",
        PracticeKind.VOLUNTEER,
    ),
    (
        "年终回顾",
        "一年来清廉建设的成效与不足",
        "区两新工委 周华",
        "答卷",
        "回顾全区两新组织清廉建设一年来的变化。",
        "年度廉洁承诺与总结",
        PracticeKind.PLEDGE,
    ),
]
