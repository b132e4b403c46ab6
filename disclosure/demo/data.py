"""The disclosure demo's data: organisations of the district, disclosure titles, demo accounts.

Everything here is invented for the demo (names, people, figures), written to read like the real
thing. Read by `disclosure.demo` and by the `bench_data` command.
"""

import datetime

from django.utils.translation import gettext_lazy as _

from disclosure.models import Audience, OrganizationType, Role

SEED = 2026
FIRST_DAY = datetime.date(2025, 1, 6)
QUARTERS = "一二三四"

# (name, slug, type, street, branch, secretary, members, founded, contact, intro, model branch)
ORGANIZATIONS = [
    (
        "岳阳南湖建设工程集团有限公司",
        "nan-hu-jian-she",
        OrganizationType.ENTERPRISE,
        "南湖街道",
        "岳阳南湖建设工程集团有限公司党支部",
        "刘建军",
        46,
        (2006, 3, 18),
        "党群办 0730-8812001",
        "以房屋建筑和市政工程为主业，在职员工六百余人。",
        ((2024, 7, 1), None, ""),
    ),
    (
        "湖南巴陵智能装备有限公司",
        "ba-ling-zhi-neng",
        OrganizationType.ENTERPRISE,
        "龙山管理处",
        "湖南巴陵智能装备有限公司党支部",
        "陈晓燕",
        23,
        (2015, 9, 2),
        "行政部 0730-8812002",
        "生产智能仓储和物流分拣设备，是“1+4”产业链党建联盟成员。",
        ((2025, 7, 1), None, ""),
    ),
    (
        "岳阳洞庭文旅发展有限公司",
        "dong-ting-wen-lv",
        OrganizationType.ENTERPRISE,
        "湖滨街道",
        "岳阳洞庭文旅发展有限公司党支部",
        "周志刚",
        15,
        (2017, 5, 20),
        "综合部 0730-8812003",
        "经营洞庭湖畔景区和研学基地。",
        None,
    ),
    (
        "岳阳南湖新材料科技有限公司",
        "nan-hu-xin-cai-liao",
        OrganizationType.ENTERPRISE,
        "金凤街道",
        "岳阳南湖新材料科技有限公司党支部",
        "李海波",
        19,
        (2012, 11, 8),
        "人事部 0730-8812004",
        "研发生产新型环保建材。",
        (
            (2024, 7, 1),
            (2026, 6, 20),
            "动态复核发现企业存在欠缴职工社会保险费问题，按规定撤销示范标杆称号，整改后可重新申报。",
        ),
    ),
    (
        "湖南君山生态农业开发有限公司",
        "jun-shan-sheng-tai",
        OrganizationType.ENTERPRISE,
        "月山管理处",
        "湖南君山生态农业开发有限公司党支部",
        "王桂英",
        12,
        (2010, 4, 16),
        "办公室 0730-8812005",
        "从事茶叶种植加工和生态农业观光。",
        None,
    ),
    (
        "岳阳楼外楼餐饮管理有限公司",
        "lou-wai-lou-can-yin",
        OrganizationType.ENTERPRISE,
        "南湖街道",
        "岳阳楼外楼餐饮管理有限公司党支部",
        "赵敏",
        9,
        (2013, 8, 28),
        "店长办公室 0730-8812006",
        "经营连锁餐饮门店十二家，门店设有党务公开宣传栏。",
        None,
    ),
    (
        "岳阳南湖物流供应链有限公司",
        "nan-hu-wu-liu",
        OrganizationType.ENTERPRISE,
        "湖滨街道",
        "南湖新区物流行业联合党支部",
        "黄国华",
        17,
        (2016, 2, 25),
        "运营部 0730-8812007",
        "城市配送和冷链仓储企业，与同行业三家企业组建联合党支部。",
        None,
    ),
    (
        "岳阳市南湖新区个体劳动者协会",
        "ge-ti-lao-dong-zhe-xie-hui",
        OrganizationType.SOCIAL,
        "南湖街道",
        "岳阳市南湖新区个体劳动者协会党支部",
        "孙立群",
        31,
        (2008, 6, 12),
        "秘书处 0730-8812008",
        "服务辖区个体工商户，开展诚信经营和技能培训。",
        None,
    ),
    (
        "岳阳南湖启明学校",
        "qi-ming-xue-xiao",
        OrganizationType.SOCIAL,
        "金凤街道",
        "岳阳南湖启明学校党支部",
        "吴静",
        38,
        (2014, 9, 1),
        "校办 0730-8812009",
        "民办九年一贯制学校，在校学生一千八百余人。",
        ((2025, 7, 1), None, ""),
    ),
    (
        "南湖新区社会工作服务中心",
        "she-hui-gong-zuo-fu-wu",
        OrganizationType.SOCIAL,
        "龙山管理处",
        "南湖新区社会工作服务中心党支部",
        "郑文斌",
        8,
        (2018, 3, 6),
        "服务台 0730-8812010",
        "承接社区养老、青少年和困难群众帮扶等社工服务项目。",
        None,
    ),
    (
        "南湖新区志愿者协会",
        "zhi-yuan-zhe-xie-hui",
        OrganizationType.SOCIAL,
        "湖滨街道",
        "南湖新区志愿者协会党支部",
        "钱晓红",
        14,
        (2011, 12, 5),
        "秘书处 0730-8812011",
        "组织洞庭湖护水、文明交通和应急救援志愿服务。",
        None,
    ),
    (
        "岳阳市南湖新区民营企业商会",
        "min-ying-qi-ye-shang-hui",
        OrganizationType.SOCIAL,
        "南湖街道",
        "岳阳市南湖新区民营企业商会党支部",
        "冯志强",
        11,
        (2009, 10, 10),
        "秘书处 0730-8812012",
        "会员企业一百二十余家，牵头开展“清廉民企”创建。",
        None,
    ),
    (
        "南湖新区康乐养老服务中心",
        "kang-le-yang-lao",
        OrganizationType.SOCIAL,
        "月山管理处",
        "",
        "",
        0,
        (2021, 4, 1),
        "服务中心 0730-8812013",
        "民办养老机构，床位一百二十张；尚未建立党组织，由街道综合党委派驻党建指导员。",
        None,
    ),
]

# Each organisation's 发文机关代字 for its own documents and for its party branch's, as its
# 文号 read: 南湖建设〔2025〕12号 (the company), 南湖建党〔2025〕4号 (its branch).
DOCUMENT_CODES = {
    "nan-hu-jian-she": ("南湖建设", "南湖建党"),
    "ba-ling-zhi-neng": ("巴陵智能", "巴智党"),
    "dong-ting-wen-lv": ("洞庭文旅", "洞文旅党"),
    "nan-hu-xin-cai-liao": ("南湖新材", "新材党"),
    "jun-shan-sheng-tai": ("君山生态", "君山党"),
    "lou-wai-lou-can-yin": ("楼外楼", "楼外楼党"),
    "nan-hu-wu-liu": ("南湖物流", "物流联党"),
    "ge-ti-lao-dong-zhe-xie-hui": ("南湖个协", "个协党"),
    "qi-ming-xue-xiao": ("启明学校", "启明党"),
    "she-hui-gong-zuo-fu-wu": ("南湖社工", "社工党"),
    "zhi-yuan-zhe-xie-hui": ("南湖志协", "志协党"),
    "min-ying-qi-ye-shang-hui": ("南湖商会", "商会党"),
    "kang-le-yang-lao": ("康乐养老", "康乐党"),
}

PARTY_ITEMS = {
    "决议决定及执行": [
        "关于表彰{year}年度优秀共产党员的决定",
        "支部委员会关于调整党小组设置的决议",
        "关于落实“一月一检查”整改事项的执行情况",
    ],
    "工作计划": ["{year}年党支部工作计划", "{period}主题党日活动安排"],
    "思想建设与三会一课": ["{period}“三会一课”开展情况", "{period}理论学习安排"],
    "组织建设": ["关于发展党员对象的公示", "党支部换届选举结果公告", "{period}党员教育管理情况"],
    "党费收缴使用": ["{period}党费收缴情况公示", "{year}年度党费使用情况"],
    "作风建设": ["关于开展作风建设专项检查的情况通报", "{period}为职工群众办实事清单"],
    "党风廉政": ["{period}廉政文化“一课一片一实践”开展情况", "廉洁从业承诺书签订情况"],
    "其他": ["党员活动室开放时间调整的通知", "党建联盟共建活动情况"],
}
ENTERPRISE_ITEMS = {
    "集体合同与工资": ["{year}年度工资集体协商结果公示", "{period}工资发放情况公示"],
    "规章制度": ["员工考勤管理办法", "安全生产责任制度", "员工奖惩办法"],
    "社会保险与公积金": ["{period}社会保险缴纳情况公示", "{year}年住房公积金缴存基数调整公告"],
    "安全生产与职业健康": ["{period}安全生产检查情况", "{year}年职业健康体检安排"],
    "职工培训": ["{year}年职工技能培训计划", "{period}岗位练兵和技能比武情况"],
    "评先评优": ["{year}年度优秀员工评选结果公示", "{period}党员示范岗评选结果"],
    "重大决策": ["关于新建生产线的决定（职工代表大会审议）", "关于调整工作时间的决定"],
    "其他": ["职工食堂价格调整公示", "职工书屋开放安排"],
}
PARTY_AUDIENCES = [Audience.PUBLIC] * 6 + [Audience.PARTY] * 3 + [Audience.ORGANIZATION]
ENTERPRISE_AUDIENCES = [Audience.PUBLIC] * 6 + [Audience.ORGANIZATION] * 4

WITHDRAWAL_REASONS = [
    "公示内容中职工个人信息未做脱敏处理，撤回后重新发布。",
    "统计口径有误，已另行发布更正后的公示。",
    "活动因天气原因取消，原安排不再执行。",
]
AMENDMENT_NOTES = [
    "更正第二项中的金额，原为12,600元，应为12,060元。",
    "补充附件：签字盖章的会议记录扫描件。",
    "根据职工代表意见，公示期延长至30日。",
    "更正参会人数：应到23人，实到21人。",
]


DEMO_ORGANIZATION = "nan-hu-jian-she"
# (login key, label, username, display name, role); role None is the committee moderator.
DEMO_PEOPLE = [
    ("moderator", _("Committee moderator (两新工委)"), "gongwei", "周审核", None),
    (
        "editor",
        _("Editor of 岳阳南湖建设工程集团有限公司"),
        "jianshe-bianji",
        "刘联络",
        Role.EDITOR,
    ),
    (
        "party_member",
        _("Party member of 岳阳南湖建设工程集团有限公司"),
        "jianshe-dangyuan",
        "陈党员",
        Role.PARTY_MEMBER,
    ),
    (
        "employee",
        _("Employee of 岳阳南湖建设工程集团有限公司"),
        "jianshe-zhigong",
        "王职工",
        Role.EMPLOYEE,
    ),
]
