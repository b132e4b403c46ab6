"""A graded relevance set for the portal's Chinese site search.

This module is test *data*, written the way a careful search-quality rater
would write it, without regard to how the search engine works.  It describes a
small but realistic corpus for a district Two-New Working Committee (两新工委)
transparency portal: party-affairs notices (党务公开) and enterprise-affairs
notices (企务公开) published by a handful of private enterprises and social
organisations.

* ``ORGANIZATIONS`` maps a short ASCII key to ``(name, org_type)``, where
  ``org_type`` is ``"enterprise"`` or ``"social"``.
* ``CATEGORIES`` lists the disclosure categories for each notice kind
  (``"party"`` or ``"enterprise"``), as seeded by the disclosure app.
* ``DOCUMENTS`` is the corpus.  Each notice has a unique ASCII ``key``, its
  organisation, kind and category, a title, a one-sentence summary (sometimes
  empty), a plain-text body, an ISO publication date, an optional document
  number (文号), a ``state`` (``"current"``; ``"expired"`` when a newer version
  superseded it; ``"withdrawn"`` when it was taken down and only its title is
  still shown) and, for a few notices, the text of an attached PDF that does
  not repeat the title, summary or body.
* ``QUERIES`` is a list of ``(query, kind, grades)``.  ``kind`` says what the
  query exercises (questions, exact phrases, synonyms, abbreviations, pinyin,
  pinyin initials, IME homophones, month and number forms, document numbers,
  ranking, and noise words that occur in category or organisation names).
  ``grades`` maps document keys to 3 (exactly the notice the searcher wants),
  2 (clearly relevant) or 1 (partly relevant: mentions it usefully); every
  document not listed is graded 0.  A withdrawn notice is never the answer
  (at most 1), and an expired notice is at most 1 when its current
  replacement exists.  Where a query names no date, the newer of two
  otherwise equal notices is graded higher.  "今年" means 2026.

The corpus deliberately contains near misses and traps: a 理事会 minute that
mentions a 董事长 and a 会议, quarterly notices from several years, an expired
rule and its revision with almost the same title, withdrawn notices next to
their corrections, a fire-drill notice filed under 安全生产与职业健康, an
association whose name contains 职业技能培训, generic disclosure guides that
mention many words weakly, and notices that only use the full form of an
abbreviation (社会保险, 住房公积金, 职工代表大会, 加班工资, 支部党员大会 …).

``problems()`` returns a list of consistency problems in the data (it should
be empty); nothing is checked at import time.
"""

ORGANIZATIONS = {
    "jianshe": ("岳阳南湖建设工程集团有限公司", "enterprise"),
    "xincai": ("湖南南湖新材料科技有限公司", "enterprise"),
    "lenglian": ("岳阳南湖冷链物流有限公司", "enterprise"),
    "shanghui": ("岳阳市南湖新区浙江商会", "social"),
    "jineng": ("岳阳市南湖新区职业技能培训协会", "social"),
    "shegong": ("岳阳市南湖新区阳光社会工作服务中心", "social"),
}

CATEGORIES = {
    "party": (
        "决议决定及执行",
        "工作计划",
        "思想建设与三会一课",
        "组织建设",
        "党费收缴使用",
        "作风建设",
        "党风廉政",
        "其他",
    ),
    "enterprise": (
        "集体合同与工资",
        "规章制度",
        "社会保险与公积金",
        "安全生产与职业健康",
        "职工培训",
        "评先评优",
        "重大决策",
        "其他",
    ),
}

DOCUMENTS = [
    # ------------------------------------------------------------------
    # 岳阳南湖建设工程集团有限公司 — 党务公开
    # ------------------------------------------------------------------
    {
        "key": "jianshe-dues-2026q3",
        "org": "jianshe",
        "kind": "party",
        "category": "党费收缴使用",
        "title": "2026年第三季度党费收缴使用情况公示",
        "summary": "公司党委公示2026年7月至9月党费收缴、上缴和使用情况。",
        "body": (
            "2026年第三季度，公司党委所属4个党支部共有党员86名，应缴党费12436.50元，"
            "实缴12436.50元，收缴率100%。本季度党费已于10月8日全额上缴区两新工委；"
            "经批准使用返还党费3000元，用于慰问生活困难党员6人次。"
            "对公示内容有疑问的，请于公示期内向党委办公室反映，联系电话0730-8821356。"
        ),
        "published_on": "2026-10-12",
        "document_number": "南湖建党〔2026〕9号",
        "state": "current",
        "attachment_text": (
            "附件：2026年第三季度各党支部党费收缴明细表。"
            "机关党支部，党员21名，实缴3512.00元；"
            "第一项目部党支部，党员27名，实缴3968.40元；"
            "第二项目部党支部，党员24名，实缴3206.10元；"
            "设备物资党支部，党员14名，实缴1750.00元；"
            "合计86名，12436.50元。"
        ),
    },
    {
        "key": "jianshe-dues-2026q2",
        "org": "jianshe",
        "kind": "party",
        "category": "党费收缴使用",
        "title": "2026年第二季度党费收缴使用情况公示",
        "summary": "公示2026年4月至6月党费收缴和使用情况。",
        "body": (
            "第二季度公司党委共有党员85名，实缴党费12180.00元，收缴率100%，已于7月6日全额上缴。"
            "本季度使用返还党费2400元，用于“七一”前夕走访慰问老党员和困难党员。"
        ),
        "published_on": "2026-07-09",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-dues-2025q3",
        "org": "jianshe",
        "kind": "party",
        "category": "党费收缴使用",
        "title": "2025年第三季度党费收缴使用情况公示",
        "summary": "公示2025年7月至9月党费收缴、上缴情况。",
        "body": (
            "2025年第三季度，公司党委共有党员84名，应缴党费11604.00元，实缴11604.00元，"
            "于10月10日全额上缴区两新工委，本季度未使用返还党费。"
        ),
        "published_on": "2025-10-15",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-dues-2024q3",
        "org": "jianshe",
        "kind": "party",
        "category": "党费收缴使用",
        "title": "2024年三季度党费收缴情况公示",
        "summary": "",
        "body": (
            "2024年7至9月，公司党委79名党员共缴纳党费10872.00元，均按月足额交纳，已按规定上缴。"
        ),
        "published_on": "2024-10-18",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-dues-2025-annual",
        "org": "jianshe",
        "kind": "party",
        "category": "党费收缴使用",
        "title": "2025年度党费收缴使用情况公示",
        "summary": "公司党委2025年全年党费收缴、上缴和返还使用情况汇总。",
        "body": (
            "2025年度公司党委共收缴党费46315.20元，全部按季度足额上缴区两新工委。"
            "全年使用返还党费9000元，其中党员教育培训5200元、慰问困难党员3800元，"
            "开支均经党委会研究同意，票据齐全。"
        ),
        "published_on": "2026-01-20",
        "document_number": "",
        "state": "current",
        "attachment_text": (
            "2025年度党费收缴分季度统计：第一季度11320.00元；第二季度11602.60元；"
            "第三季度11604.00元；第四季度11788.60元；全年合计46315.20元。"
        ),
    },
    {
        "key": "jianshe-election-notice-2025",
        "org": "jianshe",
        "kind": "party",
        "category": "组织建设",
        "title": "关于召开党员大会进行换届选举的通知",
        "summary": "公司党委定于2025年6月18日召开全体党员大会进行换届选举。",
        "body": (
            "公司党委第二届委员会任期已满五年，经区两新工委批复同意，"
            "定于2025年6月18日上午9时在公司三楼会议室召开全体党员大会，"
            "选举产生中共岳阳南湖建设工程集团有限公司第三届委员会和纪律检查委员会。"
            "请各支部做好党员参会组织工作，因病因事不能参会的须书面请假。"
        ),
        "published_on": "2025-05-26",
        "document_number": "南湖建党〔2025〕3号",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-election-result-2025",
        "org": "jianshe",
        "kind": "party",
        "category": "组织建设",
        "title": "党委换届选举结果公告",
        "summary": "公布公司党委第三届委员会和纪律检查委员会选举结果。",
        "body": (
            "2025年6月18日，中共岳阳南湖建设工程集团有限公司全体党员大会应到党员84名，实到79名，"
            "符合规定人数。大会以无记名投票、差额选举方式选举刘建国、周敏、陈志强、李卫红、"
            "王海波、赵丽、彭军7名同志为第三届委员会委员，选举产生纪律检查委员会委员3名。"
            "在随后召开的第三届委员会第一次全体会议上，刘建国当选为党委书记，周敏当选为党委副书记。"
        ),
        "published_on": "2025-06-20",
        "document_number": "南湖建党〔2025〕4号",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-appraisal-notice-2025",
        "org": "jianshe",
        "kind": "party",
        "category": "组织建设",
        "title": "关于开展2025年度民主评议党员工作的通知",
        "summary": "部署各党支部开展2025年度民主评议党员。",
        "body": (
            "各党支部要在2026年1月20日前召开组织生活会，对照党章规定的党员义务和标准，"
            "采取个人自评、党员互评、民主测评的方式开展民主评议党员，评定结果分为优秀、合格、"
            "基本合格、不合格四个等次。各支部应于1月25日前将评议结果报党委组织委员。"
        ),
        "published_on": "2025-12-15",
        "document_number": "南湖建党〔2025〕14号",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-appraisal-result-2025",
        "org": "jianshe",
        "kind": "party",
        "category": "组织建设",
        "title": "2025年度民主评议党员结果公示",
        "summary": "全体正式党员民主评议等次公示。",
        "body": (
            "经各支部组织生活会评议和党委审核，全体84名正式党员中评定为优秀等次的17名、"
            "合格66名、基本合格1名，无不合格等次。评为基本合格的党员已由所在支部书记"
            "进行谈心谈话并明确整改措施。"
        ),
        "published_on": "2026-02-03",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-probationary-2026",
        "org": "jianshe",
        "kind": "party",
        "category": "组织建设",
        "title": "拟接收预备党员公示",
        "summary": "第一项目部党支部拟接收两名同志为中共预备党员。",
        "body": (
            "根据发展党员工作程序，第一项目部党支部拟接收刘畅、谭思远两名同志为中共预备党员，现予公示。"
            "刘畅，女，1996年3月生，大学本科，2023年4月被确定为入党积极分子；"
            "谭思远，男，1993年11月生，大专，施工员。公示期为2026年6月22日至6月28日，"
            "对公示对象有意见的，可向公司党委或区两新工委组织科反映。"
        ),
        "published_on": "2026-06-22",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-lessons-2026q3",
        "org": "jianshe",
        "kind": "party",
        "category": "思想建设与三会一课",
        "title": "2026年第三季度“三会一课”开展情况",
        "summary": "各党支部第三季度召开会议和讲授党课的情况。",
        "body": (
            "第三季度，公司党委所属各党支部共召开支部党员大会4次、支委会12次、党小组会19次，"
            "讲授党课5次，党员平均参加率92.6%。其中9月份党课由党委书记刘建国以"
            "《以高质量党建引领工程项目建设》为题讲授。"
        ),
        "published_on": "2026-10-09",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-party-lecture-2026-10",
        "org": "jianshe",
        "kind": "party",
        "category": "思想建设与三会一课",
        "title": "党委书记讲专题党课",
        "summary": "党委书记刘建国为全体党员讲授专题党课。",
        "body": (
            "十月二十八日下午，党委书记刘建国在公司报告厅为全体党员讲授专题党课，"
            "结合公司承建的南湖大道提质改造工程，讲述了党员在攻坚一线的责任担当。"
            "各项目部党员通过视频连线同步收听，共有78名党员参加。"
        ),
        "published_on": "2026-10-30",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-party-day-2026-07",
        "org": "jianshe",
        "kind": "party",
        "category": "思想建设与三会一课",
        "title": "7月主题党日活动情况",
        "summary": "公司党委组织党员赴任弼时纪念馆开展“七一”主题党日活动。",
        "body": (
            "7月1日，公司党委组织60余名党员前往汨罗任弼时纪念馆开展主题党日活动，"
            "全体党员面对党旗重温入党誓词，并为3名新转正党员佩戴党员徽章。"
        ),
        "published_on": "2026-07-05",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-plan-2026",
        "org": "jianshe",
        "kind": "party",
        "category": "工作计划",
        "title": "2026年党建工作计划",
        "summary": "公司党委2026年度党建工作的主要任务。",
        "body": (
            "2026年，公司党委将围绕“党建引领、项目攻坚”主线，重点抓好四项工作："
            "一是落实“三会一课”、主题党日和组织生活会制度；"
            "二是推进项目部党支部标准化规范化建设，年内在新开工项目设立党员先锋岗不少于10个；"
            "三是全年发展党员3至4名；四是深化廉洁从业教育，组织警示教育不少于2次。"
        ),
        "published_on": "2026-02-15",
        "document_number": "南湖建党〔2026〕1号",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-plan-2024",
        "org": "jianshe",
        "kind": "party",
        "category": "工作计划",
        "title": "2024年党建工作要点",
        "summary": "",
        "body": (
            "2024年党建工作以“强基固本”为主题，重点做好党委按期换届准备、党员积分制管理"
            "和“一月一课一片一实践”活动，力争创建区级五星级党组织。"
        ),
        "published_on": "2024-02-28",
        "document_number": "南湖建党〔2024〕4号",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-integrity-pledge-2026",
        "org": "jianshe",
        "kind": "party",
        "category": "党风廉政",
        "title": "管理人员廉洁从业承诺公示",
        "summary": "中层以上管理人员和项目经理签订廉洁从业承诺书。",
        "body": (
            "公司中层以上管理人员及项目经理共42人已签订《廉洁从业承诺书》，承诺不利用职务便利"
            "在工程分包、材料采购中谋取私利，不收受供应商礼品礼金，不违规操办婚丧喜庆事宜。"
            "承诺书在公司公示栏及本平台同步公开，接受职工和社会监督，举报电话0730-8821399。"
        ),
        "published_on": "2026-03-18",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-warning-2026",
        "org": "jianshe",
        "kind": "party",
        "category": "党风廉政",
        "title": "公司召开2026年警示教育大会",
        "summary": "通报建筑行业典型案例，组织观看警示教育片。",
        "body": (
            "5月12日，公司党委召开警示教育大会，通报了建筑行业3起工程项目负责人收受分包商贿赂的典型案例，"
            "组织观看警示教育片《蜕变的代价》。会后各项目部党支部结合案例开展讨论，"
            "查找出材料验收、工程款结算等环节的廉洁风险点23个。"
        ),
        "published_on": "2026-05-14",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-conduct-2026",
        "org": "jianshe",
        "kind": "party",
        "category": "作风建设",
        "title": "作风建设专项整治自查整改情况",
        "summary": "公司党委通报作风建设专项整治中查摆问题的整改进度。",
        "body": (
            "今年6月以来，公司党委开展为期三个月的作风建设专项整治，重点整治项目现场管理松散、"
            "工程款拨付推诿拖延等问题。经自查发现问题11项，已完成整改10项；"
            "剩余1项涉及农民工工资专户核对，预计11月底前完成。"
        ),
        "published_on": "2026-09-03",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-resolutions-2026h1",
        "org": "jianshe",
        "kind": "party",
        "category": "决议决定及执行",
        "title": "2026年上半年党委会前置研究事项执行情况",
        "summary": "党委会前置研究讨论重大经营管理事项的决议执行进度。",
        "body": (
            "2026年上半年，公司党委会共召开9次，前置研究讨论了年度投资计划、中层干部调整、"
            "农民工工资支付保障等重大事项14项，均按程序提交董事会或总经理办公会决策。"
            "截至7月底，14项决议事项已执行完毕12项，其余2项正在推进。"
        ),
        "published_on": "2026-08-20",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-party-guide",
        "org": "jianshe",
        "kind": "party",
        "category": "其他",
        "title": "党务公开指南",
        "summary": "说明公司党委党务公开的内容、时限和查询方式。",
        "body": (
            "根据区两新工委关于推进非公有制企业和社会组织党务公开的要求，制定本指南。"
            "公开内容主要包括党组织决议决定及执行情况、年度工作计划、“三会一课”和主题党日开展情况、"
            "发展党员、换届选举、党费收缴使用、作风建设和党风廉政建设等；一般事项每季度公开一次，"
            "党费收缴使用情况在季度结束后15个工作日内公开，重大事项随时公开，"
            "党员群众对公开内容有疑问的可向党委办公室查询。"
        ),
        "published_on": "2024-03-10",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-position-2026",
        "org": "jianshe",
        "kind": "party",
        "category": "组织建设",
        "title": "项目部党建阵地建设验收情况",
        "summary": "公司党委对5个在建项目部“红色工地”党建阵地进行验收。",
        "body": (
            "11月中旬，公司党委对南湖大道、金鹗山路等5个在建项目部的“红色工地”党建阵地建设情况进行验收，"
            "各项目部均设置了党员活动室、党员先锋岗公示牌和党建宣传栏，"
            "其中2个项目部被推荐参评区级示范点。"
        ),
        "published_on": "2026-11-20",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    # ------------------------------------------------------------------
    # 岳阳南湖建设工程集团有限公司 — 企务公开
    # ------------------------------------------------------------------
    {
        "key": "jianshe-congress-notice-2026",
        "org": "jianshe",
        "kind": "enterprise",
        "category": "重大决策",
        "title": "关于召开第三届职工代表大会第二次会议的通知",
        "summary": "公司定于2026年3月20日召开第三届职工代表大会第二次会议。",
        "body": (
            "经公司工会委员会研究，定于2026年3月20日在公司报告厅召开第三届职工代表大会第二次会议。"
            "会议主要议程：听取2025年度总经理工作报告；审议《2026年度工资集体协议（草案）》"
            "和《员工考勤与休假管理办法（修订稿）》；报告职工福利费使用情况。"
            "请各代表团组织职工代表认真征集职工意见。"
        ),
        "published_on": "2026-03-02",
        "document_number": "南湖建司〔2026〕6号",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-congress-resolution-2026",
        "org": "jianshe",
        "kind": "enterprise",
        "category": "重大决策",
        "title": "第三届职工代表大会第二次会议决议",
        "summary": "大会审议通过2026年度工资集体协议和修订后的考勤休假办法。",
        "body": (
            "2026年3月20日，公司第三届职工代表大会第二次会议应到职工代表65名，实到61名。"
            "会议审议通过了《2026年度工资集体协议》，表决结果为赞成58票、反对1票、弃权2票；"
            "审议通过了修订后的《员工考勤与休假管理办法》。大会要求公司行政认真抓好协议履行，"
            "工会每半年开展一次监督检查。"
        ),
        "published_on": "2026-03-23",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-wage-agreement-2026",
        "org": "jianshe",
        "kind": "enterprise",
        "category": "集体合同与工资",
        "title": "2026年度工资集体协议",
        "summary": "经职工代表大会审议通过的年度工资集体协议。",
        "body": (
            "本协议由公司与公司工会经平等协商签订，有效期自2026年1月1日至12月31日。"
            "职工年平均工资增幅不低于4.5%，一线施工人员工资增幅不低于5%；"
            "公司最低月工资标准为2200元，高于岳阳市现行最低工资标准。"
        ),
        "published_on": "2026-03-25",
        "document_number": "南湖建司〔2026〕9号",
        "state": "current",
        "attachment_text": (
            "第六条 工资支付时间为每月15日，遇节假日提前支付。"
            "第七条 安排职工延长工作时间的，按不低于本人小时工资标准的150%支付工资；"
            "休息日安排工作又不能安排补休的，按200%支付；法定休假日安排工作的，按300%支付。"
            "第九条 高温津贴于6月至9月按每人每月300元发放。"
            "第十二条 协议履行发生争议的，由双方协商解决，协商不成的可申请劳动争议调解。"
        ),
    },
    {
        "key": "jianshe-overtime-2026",
        "org": "jianshe",
        "kind": "enterprise",
        "category": "规章制度",
        "title": "加班工资计发办法",
        "summary": "规定工作日、休息日和法定节假日加班工资的计发比例和审批程序。",
        "body": (
            "公司安排职工在工作日延长工作时间的，按本人小时工资的150%计发加班工资；"
            "休息日工作且不能安排补休的按200%计发；法定节假日工作的按300%计发。"
            "加班须事先填写《加班审批单》，经项目负责人签字确认，加班工资随当月工资一并发放。"
        ),
        "published_on": "2026-04-08",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-attendance-2024",
        "org": "jianshe",
        "kind": "enterprise",
        "category": "规章制度",
        "title": "员工考勤与休假管理办法",
        "summary": "规定员工工作时间、打卡和年休假等考勤休假事项。",
        "body": (
            "本办法适用于公司全体员工。员工每日工作8小时，实行上下班指纹打卡；"
            "年休假按国家规定执行，工作满1年不满10年的享受5天。本办法自2024年1月1日起施行。"
        ),
        "published_on": "2024-01-15",
        "document_number": "",
        "state": "expired",
        "attachment_text": "",
    },
    {
        "key": "jianshe-attendance-2026",
        "org": "jianshe",
        "kind": "enterprise",
        "category": "规章制度",
        "title": "员工考勤与休假管理办法（2026年修订）",
        "summary": "经职工代表大会审议通过的修订版考勤与休假管理办法，自2026年4月1日起施行。",
        "body": (
            "本办法经第三届职工代表大会第二次会议审议通过，自2026年4月1日起施行，"
            "2024年1月发布的原办法同时废止。主要修改内容：项目一线人员实行综合计算工时"
            "并启用手机定位打卡；新增育儿假、护理假规定；病假期间工资按本人工资的80%发放，"
            "且不低于最低工资标准的80%。"
        ),
        "published_on": "2026-03-25",
        "document_number": "",
        "state": "current",
        "attachment_text": (
            "第五条 员工迟到或早退累计3次的，按旷工半天处理。"
            "第十一条 职工累计工作满1年不满10年的，年休假5天；满10年不满20年的，年休假10天；"
            "满20年的，年休假15天。"
            "第十六条 女职工生育享受98天产假，另增加延长生育假60天。"
            "第十八条 子女未满3周岁的，父母每年各享受10天育儿假。"
        ),
    },
    {
        "key": "jianshe-social-insurance-2026",
        "org": "jianshe",
        "kind": "enterprise",
        "category": "社会保险与公积金",
        "title": "2026年度职工社会保险缴纳情况公示",
        "summary": "公司在职职工参加五项社会保险的情况。",
        "body": (
            "截至2026年4月底，公司在职职工412人已全部参加基本养老保险、基本医疗保险、失业保险、"
            "工伤保险和生育保险，缴费基数按职工上年度月平均工资核定，单位缴纳部分合计每月约68.4万元。"
            "项目一线农民工另按项目参加建筑业工伤保险，参保率100%。"
        ),
        "published_on": "2026-05-20",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-housing-fund-2026",
        "org": "jianshe",
        "kind": "enterprise",
        "category": "社会保险与公积金",
        "title": "2026年度住房公积金缴存情况公示",
        "summary": "公司调整住房公积金缴存基数并公布缴存情况。",
        "body": (
            "自2026年7月1日起，公司住房公积金缴存基数按职工2025年月平均工资调整，"
            "单位和个人缴存比例均为8%。目前公司412名在职职工均已开立个人账户，"
            "6月份单位缴存总额为29.7万元，职工可通过岳阳市住房公积金管理中心网上营业厅查询个人账户余额。"
        ),
        "published_on": "2026-07-15",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-safety-month-2026",
        "org": "jianshe",
        "kind": "enterprise",
        "category": "安全生产与职业健康",
        "title": "2026年“安全生产月”活动方案",
        "summary": "6月在各在建工地开展安全生产月专项检查和应急演练。",
        "body": (
            "今年6月是全国第25个“安全生产月”，公司将围绕“查找身边安全隐患”主题，"
            "在各在建工地开展高处作业、临时用电和起重吊装专项检查，组织全员安全知识答题和应急演练，"
            "月底评选安全生产月先进班组3个。"
        ),
        "published_on": "2026-05-28",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-fire-drill-2026-10",
        "org": "jianshe",
        "kind": "enterprise",
        "category": "安全生产与职业健康",
        "title": "十月份消防应急疏散演练情况",
        "summary": "公司联合南湖消防救援站在办公楼开展消防疏散演练。",
        "body": (
            "十月二十二日上午，公司联合南湖消防救援站在办公楼开展消防应急疏散演练，"
            "模拟三楼配电间起火，230余名员工在4分10秒内全部疏散至集合点。"
            "演练后，消防员现场讲解了干粉灭火器和室内消火栓的使用方法。"
        ),
        "published_on": "2026-10-26",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-health-check-2026",
        "org": "jianshe",
        "kind": "enterprise",
        "category": "安全生产与职业健康",
        "title": "2026年度职业健康体检结果公示",
        "summary": "接触粉尘、噪声岗位职工在岗期间职业健康检查结果。",
        "body": (
            "2026年8月，公司委托岳阳市职业病防治院对接触粉尘、噪声岗位的186名职工进行在岗期间职业健康检查，"
            "检查率100%。结果显示未发现职业病病例，发现疑似听力损失职业禁忌证2人，"
            "已调离噪声作业岗位并安排复查。"
        ),
        "published_on": "2026-09-10",
        "document_number": "",
        "state": "current",
        "attachment_text": (
            "体检结果汇总表：钢筋班组受检32人，异常0人；混凝土班组受检41人，异常1人；"
            "木工班组受检38人，异常0人；机械操作班组受检45人，异常1人；电焊班组受检30人，异常0人。"
        ),
    },
    {
        "key": "jianshe-training-2026q3",
        "org": "jianshe",
        "kind": "enterprise",
        "category": "职工培训",
        "title": "2026年第三季度职工技能培训开展情况",
        "summary": "第三季度共举办职工培训9期，参训1036人次。",
        "body": (
            "第三季度公司共组织职工培训9期，参训1036人次，其中特种作业人员复审培训2期、"
            "BIM建模技能培训3期、农民工夜校4期，培训经费支出8.6万元。"
        ),
        "published_on": "2026-10-15",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-awards-2025",
        "org": "jianshe",
        "kind": "enterprise",
        "category": "评先评优",
        "title": "2025年度先进集体和先进个人评选结果公示",
        "summary": "拟表彰4个先进集体、25名先进个人和3名优秀共产党员。",
        "body": (
            "经各单位推荐、评审小组评议和总经理办公会审定，拟授予第二项目部等4个集体“先进集体”称号，"
            "授予彭小军等25名同志“先进个人”称号，授予周丽华等3名同志“优秀共产党员”称号。"
            "公示期为5个工作日。"
        ),
        "published_on": "2026-01-12",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jianshe-board-2026",
        "org": "jianshe",
        "kind": "enterprise",
        "category": "重大决策",
        "title": "第五届董事会第八次会议决议公告",
        "summary": "董事会审议通过半年度财务报告、生产基地投资和高管聘任议案。",
        "body": (
            "公司第五届董事会第八次会议于2026年8月26日召开，应到董事7名，实到7名，董事长刘建国主持。"
            "会议审议通过：一、2026年半年度财务报告；二、关于投资1.2亿元建设装配式建筑构件生产基地的议案；"
            "三、关于聘任陈志强为公司副总经理的议案。公司党委已于8月20日对上述事项进行前置研究。"
        ),
        "published_on": "2026-08-28",
        "document_number": "南湖建司〔2026〕21号",
        "state": "current",
        "attachment_text": "",
    },
    # ------------------------------------------------------------------
    # 湖南南湖新材料科技有限公司 — 党务公开
    # ------------------------------------------------------------------
    {
        "key": "xincai-dues-2026h1",
        "org": "xincai",
        "kind": "party",
        "category": "党费收缴使用",
        "title": "2026年上半年党费收缴使用情况",
        "summary": "公司党支部1至6月党费收缴和返还党费使用情况。",
        "body": (
            "公司党支部现有党员23名，2026年1至6月共收缴党费5842.00元，全部按时足额上缴。"
            "上半年使用区两新工委返还党费1500元，为支部购置学习书籍和党员活动室宣传展板。"
        ),
        "published_on": "2026-07-20",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "xincai-branch-life-2026-09",
        "org": "xincai",
        "kind": "party",
        "category": "思想建设与三会一课",
        "title": "9月份支部组织生活开展情况",
        "summary": "9月支部召开党员大会、支委会、党小组会并讲党课。",
        "body": (
            "9月5日召开支部党员大会，讨论确定1名发展对象；9月12日召开支委会，研究第四季度党员教育计划；"
            "三个党小组分别召开党小组会，交流岗位创先争优情况；9月26日，支部书记李红梅以"
            "《安全生产中的党员担当》为题讲党课。"
        ),
        "published_on": "2026-09-30",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "xincai-monthly-study-2026-10",
        "org": "xincai",
        "kind": "party",
        "category": "思想建设与三会一课",
        "title": "10月“一月一课一片一实践”活动情况",
        "summary": "",
        "body": (
            "10月，支部组织党员学习《中国共产党纪律处分条例》有关章节（一课），"
            "集中观看红色电影《长津湖》（一片），并组织12名党员到南湖街道金鹗社区开展垃圾分类宣传志愿服务"
            "（一实践）。"
        ),
        "published_on": "2026-10-29",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "xincai-life-meeting-2025",
        "org": "xincai",
        "kind": "party",
        "category": "组织建设",
        "title": "2025年度组织生活会和民主评议党员情况通报",
        "summary": "支部召开年度组织生活会并开展民主评议党员。",
        "body": (
            "2月6日，支部召开2025年度组织生活会，支委班子和党员逐一进行党性分析，"
            "开展批评与自我批评，共提出批评意见31条。会上开展民主评议党员，"
            "22名正式党员中评定优秀4名、合格18名。"
        ),
        "published_on": "2026-02-10",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "xincai-activists-2026",
        "org": "xincai",
        "kind": "party",
        "category": "组织建设",
        "title": "入党积极分子确定情况公示",
        "summary": "拟确定2名职工为入党积极分子。",
        "body": (
            "经党员推荐、群团组织推优和支委会研究，拟确定研发部工程师黄晓东、生产部班组长欧阳静为入党积极分子，"
            "并分别指定培养联系人。公示时间为4月15日至4月21日。"
        ),
        "published_on": "2026-04-15",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "xincai-full-membership-2026",
        "org": "xincai",
        "kind": "party",
        "category": "组织建设",
        "title": "预备党员转正公示",
        "summary": "预备党员许诺同志拟按期转为正式党员。",
        "body": (
            "预备党员许诺同志预备期于2026年11月10日期满，本人已提交转正申请。"
            "经支部党员大会讨论，拟同意其按期转为中共正式党员，现予公示，公示期5个工作日。"
        ),
        "published_on": "2026-11-12",
        "document_number": "新材党支〔2026〕5号",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "xincai-integrity-duty-2026",
        "org": "xincai",
        "kind": "party",
        "category": "党风廉政",
        "title": "党风廉政建设责任书签订情况",
        "summary": "支部书记与6个重点岗位负责人签订年度党风廉政建设责任书。",
        "body": (
            "支部书记与公司采购、销售、仓储等6个重点岗位负责人签订了2026年度党风廉政建设责任书，"
            "明确了不准收受回扣、不准违规招投标等8条禁止性要求。"
        ),
        "published_on": "2026-03-05",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "xincai-warning-film-2025",
        "org": "xincai",
        "kind": "party",
        "category": "党风廉政",
        "title": "组织观看警示教育片",
        "summary": "支部组织党员和中层管理人员观看警示教育片。",
        "body": (
            "11月18日，支部组织全体党员和中层管理人员观看警示教育片，片中通报了某化工企业采购主管"
            "利用职务之便收受回扣的案例。大家表示将引以为戒，守住廉洁底线。"
        ),
        "published_on": "2025-11-20",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "xincai-festival-conduct-2025",
        "org": "xincai",
        "kind": "party",
        "category": "作风建设",
        "title": "中秋国庆期间纠治“四风”提醒",
        "summary": "",
        "body": (
            "中秋、国庆假期将至，支部提醒全体党员和管理人员严格遵守中央八项规定精神，"
            "不得收受客户、供应商赠送的月饼券、购物卡，不得公车私用。举报电话0730-8712260。"
        ),
        "published_on": "2025-09-26",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    # ------------------------------------------------------------------
    # 湖南南湖新材料科技有限公司 — 企务公开
    # ------------------------------------------------------------------
    {
        "key": "xincai-congress-notice-2026-12",
        "org": "xincai",
        "kind": "enterprise",
        "category": "重大决策",
        "title": "关于召开第二届职代会第四次会议的通知",
        "summary": "公司定于12月18日召开第二届职工代表大会第四次会议。",
        "body": (
            "公司定于2026年12月18日下午2:30在一楼多功能厅召开第二届职工代表大会第四次会议，"
            "主要议程为审议2027年度生产经营计划和职工福利方案。全体职工代表须准时参会，列席人员名单另行通知。"
        ),
        "published_on": "2026-11-28",
        "document_number": "南湖新材〔2026〕31号",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "xincai-wage-bargaining-2026",
        "org": "xincai",
        "kind": "enterprise",
        "category": "集体合同与工资",
        "title": "2026年工资集体协商结果公示",
        "summary": "公司与工会就2026年度工资调整达成一致。",
        "body": (
            "经公司与工会三轮协商，双方就2026年度工资调整达成一致：职工工资总额增长6%，"
            "一线操作岗位月工资增加300元，公司最低工资标准由1980元调整为2150元；"
            "夜班津贴由每班30元提高到40元。协商结果已提交第二届职工代表大会第三次会议审议通过。"
        ),
        "published_on": "2026-04-28",
        "document_number": "南湖新材〔2026〕12号",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "xincai-collective-contract-2025",
        "org": "xincai",
        "kind": "enterprise",
        "category": "集体合同与工资",
        "title": "集体合同（2025—2027年）",
        "summary": "公司与工会签订的三年期集体合同。",
        "body": (
            "本集体合同就劳动报酬、工作时间、休息休假、劳动安全卫生、"
            "女职工特殊保护等事项作出约定，有效期三年。"
        ),
        "published_on": "2025-03-18",
        "document_number": "",
        "state": "current",
        "attachment_text": (
            "第十条 公司每月10日前以货币形式支付工资。"
            "第十八条 公司每年安排女职工进行一次妇科检查。"
            "第二十三条 公司安排在岗职工带薪年休假，工作满1年以上的不少于5天。"
            "第二十六条 公司为职工足额缴纳各项社会保险费。"
        ),
    },
    {
        "key": "xincai-insurance-fund-2026",
        "org": "xincai",
        "kind": "enterprise",
        "category": "社会保险与公积金",
        "title": "2026年度职工社会保险和住房公积金缴纳情况",
        "summary": "公司在岗职工参保及住房公积金缴存情况。",
        "body": (
            "公司现有在岗职工156人，全部依法参加养老、医疗、失业、工伤、生育五项社会保险，"
            "并按12%的比例为职工缴存住房公积金，2026年1至5月单位累计缴纳社会保险费和住房公积金共计187.3万元。"
        ),
        "published_on": "2026-06-18",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "xincai-chemicals-rules-2025",
        "org": "xincai",
        "kind": "enterprise",
        "category": "规章制度",
        "title": "危险化学品安全管理制度",
        "summary": "规范危险化学品采购、储存、领用和废弃处置。",
        "body": (
            "本制度适用于公司原料库、生产车间和实验室的危险化学品采购、储存、领用和废弃处置。"
            "危险化学品实行“双人保管、双人领用、双锁管理”，库存台账每日核对。"
        ),
        "published_on": "2025-08-06",
        "document_number": "",
        "state": "current",
        "attachment_text": (
            "第八条 仓库内危险化学品堆垛高度不得超过1.5米，不同性质的化学品分区存放。"
            "第十五条 发现危险化学品泄漏的，现场人员应立即启动应急预案并报告安全环保部。"
            "第二十条 违反本制度造成事故的，按公司《安全生产奖惩办法》追究责任。"
        ),
    },
    {
        "key": "xincai-hazard-testing-2026",
        "org": "xincai",
        "kind": "enterprise",
        "category": "安全生产与职业健康",
        "title": "工作场所职业病危害因素检测结果公告",
        "summary": "3个车间粉尘、噪声、高温等职业病危害因素检测结果。",
        "body": (
            "受公司委托，湖南湘卫职业卫生技术服务有限公司于2026年6月对混料、压制、烧结3个车间的粉尘、"
            "噪声、高温等职业病危害因素进行检测，共检测点位48个，合格46个；"
            "2个噪声超标点位已加装隔声罩，并为作业人员配发耳塞。"
        ),
        "published_on": "2026-06-30",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "xincai-fire-drill-2025-10",
        "org": "xincai",
        "kind": "enterprise",
        "category": "安全生产与职业健康",
        "title": "10月消防演练总结",
        "summary": "公司在原料库区组织消防演练。",
        "body": (
            "2025年10月21日，公司在原料库区组织消防演练，模拟危化品库房起火，"
            "义务消防队在3分钟内完成初期火灾扑救，全体职工有序撤离。"
            "演练暴露出应急广播音量不足的问题，已于10月底前更换。"
        ),
        "published_on": "2025-10-24",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "xincai-induction-safety-2026",
        "org": "xincai",
        "kind": "enterprise",
        "category": "职工培训",
        "title": "新入职员工三级安全教育培训情况",
        "summary": "对28名新员工开展公司级、车间级、班组级安全教育。",
        "body": (
            "7月至8月，公司对新入职的28名员工开展公司级、车间级、班组级三级安全教育培训，"
            "累计学时不少于24学时，考试合格率100%。"
        ),
        "published_on": "2026-08-12",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "xincai-board-2026",
        "org": "xincai",
        "kind": "enterprise",
        "category": "重大决策",
        "title": "董事会决议公告（新建生产线项目）",
        "summary": "董事会同意投资建设年产5000吨硬质合金材料生产线。",
        "body": (
            "公司第三届董事会第四次会议于2026年5月20日召开，审议通过《关于建设年产5000吨高性能硬质合金材料"
            "生产线的议案》，项目总投资2.3亿元，建设期18个月，资金来源为自有资金和银行贷款。"
        ),
        "published_on": "2026-05-22",
        "document_number": "南湖新材〔2026〕18号",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "xincai-disclosure-directory",
        "org": "xincai",
        "kind": "enterprise",
        "category": "其他",
        "title": "企务公开目录说明",
        "summary": "列明公司企务公开的事项和公开形式。",
        "body": (
            "本公司企务公开目录包括：集体合同与工资集体协商、规章制度、社会保险与住房公积金缴纳、"
            "安全生产与职业健康、职工培训、评先评优和重大经营决策等事项。"
            "公开形式包括本平台、厂务公开栏和职工代表大会，涉及职工切身利益的事项应在决策前听取职工意见。"
        ),
        "published_on": "2024-04-02",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "xincai-employees-2026q3",
        "org": "xincai",
        "kind": "enterprise",
        "category": "评先评优",
        "title": "第三季度“优秀员工”评选结果",
        "summary": "评选出2026年第三季度优秀员工10名、安全标兵3名。",
        "body": (
            "经车间推荐和评选小组审核，评选出2026年第三季度“优秀员工”10名、"
            "“安全标兵”3名，每人奖励1000元。"
        ),
        "published_on": "2026-10-10",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    # ------------------------------------------------------------------
    # 岳阳南湖冷链物流有限公司
    # ------------------------------------------------------------------
    {
        "key": "lenglian-holiday-pay-2025",
        "org": "lenglian",
        "kind": "enterprise",
        "category": "集体合同与工资",
        "title": "国庆中秋假期加班安排及工资支付说明",
        "summary": "说明2025年国庆中秋假期轮班值守人员的工资支付标准。",
        "body": (
            "2025年10月1日至8日国庆中秋假期期间，冷库和配送岗位实行轮班值守。"
            "10月1日、2日、3日和6日为法定节假日，上班人员按日工资的300%支付加班工资；"
            "其余假期日期上班的优先安排补休，无法补休的按200%支付。"
        ),
        "published_on": "2025-09-25",
        "document_number": "冷链物流发〔2025〕11号",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "lenglian-housing-fund-withdrawn",
        "org": "lenglian",
        "kind": "enterprise",
        "category": "社会保险与公积金",
        "title": "关于调整住房公积金缴存基数的通知",
        "summary": "公司调整住房公积金缴存基数。",
        "body": "自2026年7月起，公司住房公积金缴存基数统一按岳阳市最低缴存基数执行。",
        "published_on": "2026-07-03",
        "document_number": "",
        "state": "withdrawn",
        "attachment_text": "",
    },
    {
        "key": "lenglian-housing-fund-2026",
        "org": "lenglian",
        "kind": "enterprise",
        "category": "社会保险与公积金",
        "title": "关于2026年度住房公积金缴存基数调整的通知",
        "summary": "自2026年7月1日起按职工上年月平均工资调整住房公积金缴存基数。",
        "body": (
            "根据岳阳市住房公积金管理中心通知，自2026年7月1日起，公司按职工2025年月平均工资调整住房公积金"
            "缴存基数，单位和个人缴存比例均为5%。本月3日发布的同类通知因缴存基数表述有误已撤下，以本通知为准。"
        ),
        "published_on": "2026-07-10",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "lenglian-ammonia-check-2026",
        "org": "lenglian",
        "kind": "enterprise",
        "category": "安全生产与职业健康",
        "title": "冷库氨制冷系统安全检查情况",
        "summary": "对2号冷库氨制冷机房进行专项安全检查。",
        "body": (
            "4月中旬，公司对2号冷库氨制冷机房进行专项检查，更换老化阀门6个，校验氨气泄漏报警器12台，"
            "并组织机房值班人员开展氨泄漏应急处置演练。"
        ),
        "published_on": "2026-04-22",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "lenglian-driver-training-2026",
        "org": "lenglian",
        "kind": "enterprise",
        "category": "职工培训",
        "title": "冷链运输驾驶员安全培训",
        "summary": "45名冷链运输驾驶员参加道路运输安全培训。",
        "body": (
            "3月14日，公司组织45名冷链运输驾驶员参加道路运输安全培训，内容包括雨雾天气行车、"
            "疲劳驾驶防范和冷藏车温控设备操作；培训后进行闭卷考试，3名不合格人员已安排补考。"
        ),
        "published_on": "2026-03-16",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "lenglian-party-day-2026-11",
        "org": "lenglian",
        "kind": "party",
        "category": "思想建设与三会一课",
        "title": "11月主题党日：走进社区开展志愿服务",
        "summary": "公司党支部组织党员到龙山社区开展主题党日志愿服务。",
        "body": (
            "11月8日，公司党支部组织9名党员到南湖新区龙山社区开展“主题党日”志愿服务，"
            "为社区独居老人配送米油等生活物资30份，并上门检查冰箱等家电使用安全。"
        ),
        "published_on": "2026-11-10",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "lenglian-safe-drivers-2026h1",
        "org": "lenglian",
        "kind": "enterprise",
        "category": "评先评优",
        "title": "2026年上半年“安全行车标兵”评选结果",
        "summary": "3名驾驶员被评为上半年安全行车标兵。",
        "body": (
            "经车队推荐和公司审核，驾驶员李建华、罗志勇、汤小波3人上半年安全行驶无事故、客户零投诉，"
            "被评为“安全行车标兵”，各奖励2000元。"
        ),
        "published_on": "2026-07-08",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "lenglian-shift-rules-2026",
        "org": "lenglian",
        "kind": "enterprise",
        "category": "规章制度",
        "title": "冷库作业人员排班管理规定",
        "summary": "",
        "body": (
            "冷库作业实行四班三运转，每班8小时，连续在零下18℃以下环境作业满2小时须轮换休息20分钟。"
            "确因业务高峰需要延长工作时间的，须经部门负责人批准，并依照公司薪酬制度计发报酬。"
        ),
        "published_on": "2026-01-08",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    # ------------------------------------------------------------------
    # 岳阳市南湖新区浙江商会
    # ------------------------------------------------------------------
    {
        "key": "shanghui-council-2026",
        "org": "shanghui",
        "kind": "enterprise",
        "category": "重大决策",
        "title": "第四届理事会第二次会议纪要",
        "summary": "理事会审议下半年会员服务安排和新会员入会议案。",
        "body": (
            "2026年9月15日，商会第四届理事会第二次会议在会长单位岳阳浙商置业有限公司召开，"
            "应到理事35名，实到31名，会长、岳阳浙商置业有限公司董事长陈国华主持会议。"
            "会议审议通过了2026年下半年会员服务工作安排和吸纳8家新会员单位的议案，并通报了上半年财务收支情况。"
        ),
        "published_on": "2026-09-18",
        "document_number": "南湖浙商会〔2026〕3号",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "shanghui-assembly-2026",
        "org": "shanghui",
        "kind": "enterprise",
        "category": "重大决策",
        "title": "第四次会员代表大会暨换届大会决议",
        "summary": "会员代表大会选举产生第四届理事会并调整会费标准。",
        "body": (
            "1月15日，商会召开第四次会员代表大会，应到会员代表96名，实到88名。"
            "大会审议通过了第三届理事会工作报告、财务工作报告和《会费收取标准调整方案》，"
            "以无记名投票选举产生第四届理事会理事35名、监事3名；随后召开的第四届理事会第一次会议"
            "选举陈国华为会长。"
        ),
        "published_on": "2026-01-16",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "shanghui-finance-2025",
        "org": "shanghui",
        "kind": "enterprise",
        "category": "其他",
        "title": "2025年度财务收支情况公开",
        "summary": "商会2025年度收入、支出和结余情况。",
        "body": (
            "2025年度商会总收入186.4万元，其中会费收入152万元、捐赠收入26万元、其他收入8.4万元；"
            "总支出171.9万元，其中会员活动和服务支出98.6万元、人员工资及社会保险39.2万元、"
            "办公及房租支出34.1万元。年末结余14.5万元，财务报告已经会计师事务所审计。"
        ),
        "published_on": "2026-03-05",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "shanghui-candidate-2026",
        "org": "shanghui",
        "kind": "party",
        "category": "组织建设",
        "title": "发展党员公示",
        "summary": "商会党支部拟将1名同志列为发展对象。",
        "body": (
            "经商会党支部支委会研究并报区两新工委预审，拟将会员企业湖南百川贸易有限公司总经理助理"
            "金晓燕同志列为发展对象，现予公示。公示期为2026年5月8日至5月14日。"
        ),
        "published_on": "2026-05-08",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "shanghui-branch-plan-2026",
        "org": "shanghui",
        "kind": "party",
        "category": "工作计划",
        "title": "2026年党支部工作计划",
        "summary": "商会党支部2026年重点工作安排。",
        "body": (
            "今年商会党支部将重点做好三件事：一是发挥商会联系会员的优势，联系服务会员中的非公有制企业"
            "和社会组织党组织12个，推动3家规模以上会员企业单独组建党支部、加强党的建设；"
            "二是每季度开展一次“浙商讲堂”，组织党员学习政策法规；"
            "三是落实“三会一课”制度，全年召开支部党员大会不少于4次。"
        ),
        "published_on": "2026-02-20",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "shanghui-monthly-study-2026-06",
        "org": "shanghui",
        "kind": "party",
        "category": "思想建设与三会一课",
        "title": "6月“一月一课一片一实践”活动情况",
        "summary": "商会党支部学习民营经济促进法、观看警示教育片并走访会员企业。",
        "body": (
            "6月，商会党支部组织党员集中学习《中华人民共和国民营经济促进法》（一课），"
            "观看警示教育片（一片），并走访5家会员企业了解用工和融资困难（一实践）。"
        ),
        "published_on": "2026-06-28",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "shanghui-transfer-guide",
        "org": "shanghui",
        "kind": "party",
        "category": "其他",
        "title": "党员组织关系转接办理须知",
        "summary": "流动党员将组织关系转入商会党支部的办理方式。",
        "body": (
            "会员企业流动党员需将组织关系转入商会党支部的，应持介绍信和身份证复印件到商会秘书处办理；"
            "通过全国党员管理信息系统网上转接的，一般在5个工作日内完成。"
        ),
        "published_on": "2025-04-10",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    # ------------------------------------------------------------------
    # 岳阳市南湖新区职业技能培训协会
    # ------------------------------------------------------------------
    {
        "key": "jineng-dues-2026q2",
        "org": "jineng",
        "kind": "party",
        "category": "党费收缴使用",
        "title": "2026年第二季度党费收缴情况公示",
        "summary": "协会党支部第二季度党费收缴情况。",
        "body": (
            "协会党支部现有党员11名，2026年第二季度应缴党费1386.00元，实缴1386.00元，"
            "已于7月10日全额上缴，本季度未使用返还党费。"
        ),
        "published_on": "2026-07-15",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jineng-fee-rules-2026",
        "org": "jineng",
        "kind": "enterprise",
        "category": "规章制度",
        "title": "会费收取和使用管理办法",
        "summary": "规定协会各类会员的会费标准和用途。",
        "body": (
            "经第二届会员代表大会第三次会议审议通过，协会会费标准为：副会长单位每年8000元，"
            "理事单位每年3000元，一般会员单位每年1000元。会费主要用于会员服务、行业调研和协会日常运转，"
            "每年向会员公开收支情况。"
        ),
        "published_on": "2026-04-10",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jineng-course-plan-2026",
        "org": "jineng",
        "kind": "enterprise",
        "category": "职工培训",
        "title": "2026年度会员单位电工和焊工技能培训计划",
        "summary": "全年为会员单位职工举办特种作业技能培训8期。",
        "body": (
            "协会计划全年为会员单位职工举办低压电工、焊接与热切割作业技能培训8期，每期40人，"
            "培训合格者可参加特种作业操作证考试；会员单位职工报名费减半，即每人收取600元。"
        ),
        "published_on": "2026-03-03",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jineng-council-2026",
        "org": "jineng",
        "kind": "enterprise",
        "category": "重大决策",
        "title": "第二届理事会第六次会议决议",
        "summary": "理事会审议实训基地共建议案和上半年财务收支报告。",
        "body": (
            "理事会审议通过了《关于与岳阳职业技术学院共建实训基地的议案》和2026年上半年财务收支报告；"
            "决定增补湖南南湖新材料科技有限公司为理事单位。"
        ),
        "published_on": "2026-08-14",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jineng-members-2025",
        "org": "jineng",
        "kind": "enterprise",
        "category": "评先评优",
        "title": "2025年度优秀会员单位评选结果",
        "summary": "评选出6家优秀会员单位。",
        "body": (
            "经会员单位申报、秘书处初审和理事会审定，评选出岳阳南湖建设工程集团有限公司等6家"
            "“优秀会员单位”。"
        ),
        "published_on": "2025-12-26",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "jineng-fire-check-2026",
        "org": "jineng",
        "kind": "enterprise",
        "category": "安全生产与职业健康",
        "title": "培训场所消防安全检查情况",
        "summary": "协会对实训楼开展消防安全检查。",
        "body": (
            "11月3日，协会对实训楼开展消防安全检查，检查灭火器32具、应急照明灯18盏、安全出口5处，"
            "发现1处疏散通道堆放杂物，已当场清理。"
        ),
        "published_on": "2026-11-05",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    # ------------------------------------------------------------------
    # 岳阳市南湖新区阳光社会工作服务中心
    # ------------------------------------------------------------------
    {
        "key": "shegong-finance-2026q3-withdrawn",
        "org": "shegong",
        "kind": "enterprise",
        "category": "其他",
        "title": "2026年第三季度财务公开",
        "summary": "中心第三季度收入和支出情况。",
        "body": "第三季度中心收入42.6万元，支出39.8万元。",
        "published_on": "2026-10-14",
        "document_number": "",
        "state": "withdrawn",
        "attachment_text": "",
    },
    {
        "key": "shegong-finance-2026q3",
        "org": "shegong",
        "kind": "enterprise",
        "category": "其他",
        "title": "2026年第三季度财务公开（更正）",
        "summary": "更正后的中心2026年第三季度财务收支情况。",
        "body": (
            "因原公开的第三季度财务收支数据中政府购买服务收入统计有误，现予更正。"
            "2026年第三季度，中心收入合计46.2万元，其中区民政局政府购买服务资金38.5万元、"
            "公益创投资金5万元、社会捐赠2.7万元；支出合计39.8万元，其中社工人员薪酬及社会保险28.6万元、"
            "服务活动支出7.9万元、办公及其他支出3.3万元。"
        ),
        "published_on": "2026-10-20",
        "document_number": "阳光社工〔2026〕7号",
        "state": "current",
        "attachment_text": (
            "附表：第三季度分月收支明细。7月收入15.8万元，支出13.1万元；"
            "8月收入12.9万元，支出12.6万元；9月收入17.5万元，支出14.1万元。"
        ),
    },
    {
        "key": "shegong-annual-report-2025",
        "org": "shegong",
        "kind": "enterprise",
        "category": "其他",
        "title": "2025年度报告公示",
        "summary": "中心2025年度报告主要内容。",
        "body": (
            "根据民政部门年度报告工作要求，现将中心2025年度报告主要内容公示：全年开展个案服务126个、"
            "小组活动48节、社区活动62场，服务居民1.3万人次；年末净资产21.4万元；"
            "专职社会工作者14名，其中中级社会工作师3名。"
        ),
        "published_on": "2026-04-25",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "shegong-cpd-2026",
        "org": "shegong",
        "kind": "enterprise",
        "category": "职工培训",
        "title": "社会工作者继续教育培训",
        "summary": "14名专职社会工作者完成年度继续教育学时。",
        "body": (
            "6月8日至10日，中心组织14名专职社会工作者参加岳阳市社会工作者继续教育培训，"
            "学习老年社会工作、儿童保护和个案管理实务，每人完成继续教育24学时。"
        ),
        "published_on": "2026-06-12",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "shegong-pay-2026",
        "org": "shegong",
        "kind": "enterprise",
        "category": "集体合同与工资",
        "title": "社会工作者薪酬标准调整公示",
        "summary": "自2026年1月起上调专职社会工作者薪酬标准。",
        "body": (
            "经理事会研究决定，自2026年1月起调整专职社会工作者薪酬标准：初级社会工作者月基本工资3600元，"
            "中级社会工作师4200元，督导岗位4800元，平均上调7.5%；同时为全体员工足额缴纳社会保险和住房公积金。"
        ),
        "published_on": "2026-01-22",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "shegong-council-2026",
        "org": "shegong",
        "kind": "enterprise",
        "category": "重大决策",
        "title": "第二届理事会第三次会议决议",
        "summary": "理事会审议通过2026年度预算并同意承接社区服务项目。",
        "body": (
            "中心第二届理事会第三次会议审议通过2026年度预算，全年预计收入180万元、支出172万元；"
            "同意承接南湖新区“一老一小”社区服务项目。会议由理事长彭雅琴主持，5名理事全部出席，监事列席。"
        ),
        "published_on": "2026-03-28",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "shegong-party-lecture-2026",
        "org": "shegong",
        "kind": "party",
        "category": "思想建设与三会一课",
        "title": "支部书记讲党课",
        "summary": "",
        "body": (
            "5月18日，中心党支部书记彭雅琴以《用专业服务践行为民初心》为题，为全体党员和入党积极分子讲党课，"
            "结合社区养老服务案例，讲述党员社会工作者如何在服务中发挥先锋模范作用。"
        ),
        "published_on": "2026-05-20",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "shegong-service-conduct-2026",
        "org": "shegong",
        "kind": "party",
        "category": "作风建设",
        "title": "服务作风专项整改情况",
        "summary": "中心党支部牵头整改上门服务迟到、回访不完整等问题。",
        "body": (
            "针对服务对象反映的个别社工上门服务迟到、回访记录不完整等问题，中心党支部牵头开展服务作风专项整改，"
            "建立上门服务签到和回访抽查制度。截至8月初，已回访服务对象86户，满意率由91%提升至97%。"
        ),
        "published_on": "2026-08-05",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
    {
        "key": "shegong-branch-decision-2026",
        "org": "shegong",
        "kind": "party",
        "category": "决议决定及执行",
        "title": "支部委员会关于党员联系困难老人的决定",
        "summary": "每名党员联系2至3户社区困难老人。",
        "body": (
            "支部委员会研究决定，自2026年4月起，每名党员联系2至3户社区困难老人，每月至少上门走访一次，"
            "走访情况纳入党员积分管理，年底在组织生活会上通报。"
        ),
        "published_on": "2026-04-08",
        "document_number": "",
        "state": "current",
        "attachment_text": "",
    },
]


# Grade sets shared by queries that ask for the same thing in different forms.
_DUES_ANY = {  # 党费 / 党费收缴, no date named: the newest quarterly notice first
    "jianshe-dues-2026q3": 3,
    "jianshe-dues-2026q2": 2,
    "jianshe-dues-2025q3": 2,
    "jianshe-dues-2025-annual": 2,
    "jianshe-dues-2024q3": 2,
    "xincai-dues-2026h1": 2,
    "jineng-dues-2026q2": 2,
}
_ELECTION = {  # 换届选举
    "jianshe-election-result-2025": 3,
    "jianshe-election-notice-2025": 2,
    "shanghui-assembly-2026": 2,
}
_CONGRESS = {  # 职代会 = 职工代表大会
    "xincai-congress-notice-2026-12": 3,
    "jianshe-congress-notice-2026": 3,
    "jianshe-congress-resolution-2026": 2,
    "xincai-wage-bargaining-2026": 1,
    "jianshe-attendance-2026": 1,
    "jianshe-wage-agreement-2026": 1,
}
_HOUSING_FUND = {  # 公积金 = 住房公积金
    "jianshe-housing-fund-2026": 3,
    "lenglian-housing-fund-2026": 3,
    "xincai-insurance-fund-2026": 2,
    "lenglian-housing-fund-withdrawn": 1,
    "shegong-pay-2026": 1,
}
_SOCIAL_INSURANCE = {  # 社保 = 社会保险
    "jianshe-social-insurance-2026": 3,
    "xincai-insurance-fund-2026": 3,
    "shegong-pay-2026": 1,
    "xincai-collective-contract-2025": 1,
}
_THREE_MEETINGS = {  # 三会一课 (支部党员大会, 支委会, 党小组会, 党课)
    "jianshe-lessons-2026q3": 3,
    "xincai-branch-life-2026-09": 2,
    "jianshe-party-lecture-2026-10": 1,
    "shegong-party-lecture-2026": 1,
    "jianshe-plan-2026": 1,
    "shanghui-branch-plan-2026": 1,
    "jianshe-party-guide": 1,
}
_PARTY_DAY = {  # 主题党日
    "lenglian-party-day-2026-11": 3,
    "jianshe-party-day-2026-07": 3,
    "jianshe-plan-2026": 1,
    "jianshe-party-guide": 1,
}
_OVERTIME = {  # 加班费 = 加班工资
    "jianshe-overtime-2026": 3,
    "lenglian-holiday-pay-2025": 2,
    "jianshe-wage-agreement-2026": 2,  # its attachment sets the 150%/200%/300% rates
    "lenglian-shift-rules-2026": 1,
}
_PARTY_LECTURE = {  # 党课
    "jianshe-party-lecture-2026-10": 3,
    "shegong-party-lecture-2026": 3,
    "jianshe-lessons-2026q3": 2,
    "xincai-branch-life-2026-09": 1,
}
_FIRE_DRILL = {  # 消防演练, no year named: the newer October drill first
    "jianshe-fire-drill-2026-10": 3,
    "xincai-fire-drill-2025-10": 2,
    "jineng-fire-check-2026": 1,
}
_LIFE_MEETING = {  # 组织生活会 (not 组织生活 in general)
    "xincai-life-meeting-2025": 3,
    "jianshe-appraisal-notice-2025": 2,
    "jianshe-appraisal-result-2025": 1,
    "jianshe-plan-2026": 1,
    "shegong-branch-decision-2026": 1,
}
_APPRAISAL = {  # 民主评议党员
    "jianshe-appraisal-result-2025": 3,
    "jianshe-appraisal-notice-2025": 2,
    "xincai-life-meeting-2025": 2,
}

QUERIES = [
    # ------------------------------------------------------------------
    # question: how people type questions
    # ------------------------------------------------------------------
    (
        "今年第三季度党费交了多少",
        "question",
        {
            "jianshe-dues-2026q3": 3,
            "jianshe-dues-2026q2": 1,
            "jianshe-dues-2025q3": 1,
            "jianshe-dues-2024q3": 1,
            "jianshe-dues-2025-annual": 1,
            "xincai-dues-2026h1": 1,
            "jineng-dues-2026q2": 1,
        },
    ),
    (
        "公司有没有给职工交公积金",
        "question",
        {
            "jianshe-housing-fund-2026": 3,
            "lenglian-housing-fund-2026": 3,
            "xincai-insurance-fund-2026": 3,
            "lenglian-housing-fund-withdrawn": 1,
            "shegong-pay-2026": 1,
        },
    ),
    ("加班费怎么算", "question", dict(_OVERTIME)),
    (
        "什么时候开职代会",
        "question",
        {
            "xincai-congress-notice-2026-12": 3,
            "jianshe-congress-notice-2026": 2,
            "jianshe-congress-resolution-2026": 1,
        },
    ),
    (
        "换届选举的结果是什么",
        "question",
        {
            "jianshe-election-result-2025": 3,
            "shanghui-assembly-2026": 2,
            "jianshe-election-notice-2025": 1,
        },
    ),
    (
        "最低工资是多少",
        "question",
        {
            "xincai-wage-bargaining-2026": 3,
            "jianshe-wage-agreement-2026": 3,
            "jianshe-attendance-2026": 1,
        },
    ),
    (
        "预备党员什么时候转正",
        "question",
        {
            "xincai-full-membership-2026": 3,
            "jianshe-probationary-2026": 1,
        },
    ),
    (
        "党委书记是谁",
        "question",
        {
            "jianshe-election-result-2025": 3,
            "jianshe-party-lecture-2026-10": 2,
            "jianshe-lessons-2026q3": 1,
        },
    ),
    (
        "企务公开包括哪些内容",
        "question",
        {
            "xincai-disclosure-directory": 3,
            "jianshe-party-guide": 1,
        },
    ),
    (
        "年休假有几天",
        "question",
        {
            "jianshe-attendance-2026": 3,
            "xincai-collective-contract-2025": 2,
            "jianshe-attendance-2024": 1,
        },
    ),
    ("高温津贴发多少", "question", {"jianshe-wage-agreement-2026": 3}),
    (
        "第一项目部党支部交了多少党费",
        "question",
        {
            "jianshe-dues-2026q3": 3,
            "jianshe-dues-2026q2": 1,
            "jianshe-dues-2025q3": 1,
        },
    ),
    # ------------------------------------------------------------------
    # phrase: words that must not match across word boundaries
    # ------------------------------------------------------------------
    (
        "财务公开",
        "phrase",
        {
            "shegong-finance-2026q3": 3,
            "shanghui-finance-2025": 2,
            "shegong-finance-2026q3-withdrawn": 1,
            "jineng-fee-rules-2026": 1,
        },
    ),
    (
        "发展党员公示",
        "phrase",
        {
            "shanghui-candidate-2026": 3,
            "jianshe-probationary-2026": 2,
            "xincai-activists-2026": 2,
            "xincai-full-membership-2026": 1,
        },
    ),
    (
        "董事会",
        "phrase",
        {
            "jianshe-board-2026": 3,
            "xincai-board-2026": 3,
            "jianshe-resolutions-2026h1": 1,
        },
    ),
    ("主题党日", "phrase", dict(_PARTY_DAY)),
    (
        "集体合同",
        "phrase",
        {
            "xincai-collective-contract-2025": 3,
            "jianshe-wage-agreement-2026": 2,
            "xincai-wage-bargaining-2026": 1,
            "xincai-disclosure-directory": 1,
        },
    ),
    ("组织生活会", "phrase", dict(_LIFE_MEETING)),
    (
        "警示教育",
        "phrase",
        {
            "jianshe-warning-2026": 3,
            "xincai-warning-film-2025": 3,
            "shanghui-monthly-study-2026-06": 2,
            "jianshe-plan-2026": 1,
        },
    ),
    (
        "工资集体协商",
        "phrase",
        {
            "xincai-wage-bargaining-2026": 3,
            "jianshe-wage-agreement-2026": 2,
            "jianshe-congress-resolution-2026": 1,
            "xincai-disclosure-directory": 1,
        },
    ),
    # ------------------------------------------------------------------
    # synonym: the notice uses another word for the same thing
    # ------------------------------------------------------------------
    ("社保", "synonym", dict(_SOCIAL_INSURANCE)),
    (
        "五险一金",
        "synonym",
        {
            "xincai-insurance-fund-2026": 3,
            "jianshe-social-insurance-2026": 2,
            "jianshe-housing-fund-2026": 2,
            "shegong-pay-2026": 1,
            "lenglian-housing-fund-2026": 1,
        },
    ),
    ("加班费", "synonym", dict(_OVERTIME)),
    ("社工培训", "synonym", {"shegong-cpd-2026": 3}),
    (
        "非公企业党建工作计划",
        "synonym",
        {
            "jianshe-plan-2026": 3,
            "jianshe-plan-2024": 2,
            "shanghui-branch-plan-2026": 2,
        },
    ),
    (
        "两新组织",
        "synonym",
        {
            "shanghui-branch-plan-2026": 3,
            "jianshe-party-guide": 1,
        },
    ),
    (
        "加薪",
        "synonym",
        {
            "xincai-wage-bargaining-2026": 3,
            "shegong-pay-2026": 3,
            "jianshe-wage-agreement-2026": 2,
        },
    ),
    (
        "反腐倡廉",
        "synonym",
        {
            "xincai-integrity-duty-2026": 2,
            "jianshe-integrity-pledge-2026": 2,
            "jianshe-warning-2026": 2,
            "xincai-warning-film-2025": 2,
            "xincai-festival-conduct-2025": 1,
        },
    ),
    # ------------------------------------------------------------------
    # abbreviation: the notice spells the full form, or the parts
    # ------------------------------------------------------------------
    ("职代会", "abbreviation", dict(_CONGRESS)),
    ("三会一课", "abbreviation", dict(_THREE_MEETINGS)),
    (
        "党建",
        "abbreviation",
        {
            "jianshe-plan-2026": 3,
            "jianshe-plan-2024": 2,
            "shanghui-branch-plan-2026": 2,
            "jianshe-position-2026": 2,
            "jianshe-lessons-2026q3": 1,
        },
    ),
    ("安全月", "abbreviation", {"jianshe-safety-month-2026": 3}),
    ("公积金", "abbreviation", dict(_HOUSING_FUND)),
    ("民主评议", "abbreviation", dict(_APPRAISAL)),
    (
        "纪委",
        "abbreviation",
        {
            "jianshe-election-result-2025": 2,
            "jianshe-election-notice-2025": 2,
        },
    ),
    # ------------------------------------------------------------------
    # pinyin: full toneless pinyin, with or without spaces
    # ------------------------------------------------------------------
    ("dangfei", "pinyin", dict(_DUES_ANY)),
    ("huanjie xuanju", "pinyin", dict(_ELECTION)),
    ("zhidaihui", "pinyin", dict(_CONGRESS)),
    ("gongjijin", "pinyin", dict(_HOUSING_FUND)),
    ("sanhuiyike", "pinyin", dict(_THREE_MEETINGS)),
    ("zhutidangri", "pinyin", dict(_PARTY_DAY)),
    ("jiabangongzi", "pinyin", dict(_OVERTIME)),
    ("xiaofang yanlian", "pinyin", dict(_FIRE_DRILL)),
    # ------------------------------------------------------------------
    # initials: pinyin initials
    # ------------------------------------------------------------------
    ("gjj", "initials", dict(_HOUSING_FUND)),
    ("dfsj", "initials", dict(_DUES_ANY)),
    ("zdh", "initials", dict(_CONGRESS)),
    ("shbx", "initials", dict(_SOCIAL_INSURANCE)),
    ("ztdr", "initials", dict(_PARTY_DAY)),
    ("hjxj", "initials", dict(_ELECTION)),
    ("mzpy", "initials", dict(_APPRAISAL)),
    # ------------------------------------------------------------------
    # homophone: same sound, wrong characters (IME slips)
    # ------------------------------------------------------------------
    ("党废", "homophone", dict(_DUES_ANY)),
    ("换届选局", "homophone", dict(_ELECTION)),
    ("公积今", "homophone", dict(_HOUSING_FUND)),
    ("职代回", "homophone", dict(_CONGRESS)),
    ("党可", "homophone", dict(_PARTY_LECTURE)),
    ("消防演炼", "homophone", dict(_FIRE_DRILL)),
    ("组织生活汇", "homophone", dict(_LIFE_MEETING)),
    # ------------------------------------------------------------------
    # month: month, quarter and year forms
    # ------------------------------------------------------------------
    ("十月份消防演练", "month", dict(_FIRE_DRILL, **{"jineng-fire-check-2026": 0})),
    ("10月消防演练", "month", dict(_FIRE_DRILL, **{"jineng-fire-check-2026": 0})),
    (
        "2025年度先进个人",
        "month",
        {
            "jianshe-awards-2025": 3,
            "jineng-members-2025": 1,
        },
    ),
    (
        "三季度党费",
        "month",
        {
            "jianshe-dues-2026q3": 3,
            "jianshe-dues-2025q3": 2,
            "jianshe-dues-2024q3": 2,
            "jianshe-dues-2026q2": 1,
            "jianshe-dues-2025-annual": 1,
            "jineng-dues-2026q2": 1,
        },
    ),
    (
        "2025年第三季度党费",
        "month",
        {
            "jianshe-dues-2025q3": 3,
            "jianshe-dues-2025-annual": 1,
            "jianshe-dues-2026q3": 1,
            "jianshe-dues-2024q3": 1,
        },
    ),
    (
        "9月份支委会",
        "month",
        {
            "xincai-branch-life-2026-09": 3,
            "jianshe-lessons-2026q3": 1,
        },
    ),
    (
        "10月份党课",
        "month",
        {
            "jianshe-party-lecture-2026-10": 3,
            "xincai-monthly-study-2026-10": 1,
            "shegong-party-lecture-2026": 1,
            "jianshe-lessons-2026q3": 1,
        },
    ),
    (
        "第三季度优秀员工",
        "month",
        {
            "xincai-employees-2026q3": 3,
            "lenglian-safe-drivers-2026h1": 1,
            "jianshe-awards-2025": 1,
        },
    ),
    (
        "2025年度党费",
        "month",
        {
            "jianshe-dues-2025-annual": 3,
            "jianshe-dues-2025q3": 1,
        },
    ),
    # ------------------------------------------------------------------
    # docnumber: a 文号 typed fully or partly
    # ------------------------------------------------------------------
    ("南湖建党〔2025〕4号", "docnumber", {"jianshe-election-result-2025": 3}),
    ("建党〔2025〕4号", "docnumber", {"jianshe-election-result-2025": 3}),
    ("2025 4号", "docnumber", {"jianshe-election-result-2025": 3}),
    ("南湖新材〔2026〕18号", "docnumber", {"xincai-board-2026": 3}),
    ("阳光社工(2026)7号", "docnumber", {"shegong-finance-2026q3": 3}),
    ("冷链物流发[2025]11号", "docnumber", {"lenglian-holiday-pay-2025": 3}),
    ("建党〔2026〕9号", "docnumber", {"jianshe-dues-2026q3": 3}),
    ("南湖浙商会〔2026〕3号", "docnumber", {"shanghui-council-2026": 3}),
    # ------------------------------------------------------------------
    # ranking: several notices match; the right one must come first
    # ------------------------------------------------------------------
    ("安全生产月", "ranking", {"jianshe-safety-month-2026": 3}),
    (
        "员工考勤与休假管理办法",
        "ranking",
        {
            "jianshe-attendance-2026": 3,
            "jianshe-attendance-2024": 1,
            "jianshe-congress-notice-2026": 1,
            "jianshe-congress-resolution-2026": 1,
        },
    ),
    ("党费收缴使用情况", "ranking", dict(_DUES_ANY, **{"jianshe-party-guide": 1})),
    (
        "住房公积金缴存基数调整",
        "ranking",
        {
            "lenglian-housing-fund-2026": 3,
            "jianshe-housing-fund-2026": 2,
            "lenglian-housing-fund-withdrawn": 1,
        },
    ),
    ("党课", "ranking", dict(_PARTY_LECTURE)),
    (
        "职业健康体检",
        "ranking",
        {
            "jianshe-health-check-2026": 3,
            "xincai-hazard-testing-2026": 1,
        },
    ),
    (
        "财务收支",
        "ranking",
        {
            "shanghui-finance-2025": 3,
            "shegong-finance-2026q3": 3,
            "shegong-finance-2026q3-withdrawn": 1,
            "jineng-council-2026": 1,
            "shanghui-council-2026": 1,
        },
    ),
    # ------------------------------------------------------------------
    # noise: the word is in a category or organisation name
    # ------------------------------------------------------------------
    (
        "职业健康",
        "noise",
        {
            "jianshe-health-check-2026": 3,
            "xincai-hazard-testing-2026": 3,
        },
    ),
    (
        "培训",
        "noise",
        {
            "jianshe-training-2026q3": 2,
            "xincai-induction-safety-2026": 2,
            "lenglian-driver-training-2026": 2,
            "shegong-cpd-2026": 2,
            "jineng-course-plan-2026": 2,
            "jineng-council-2026": 1,
        },
    ),
    (
        "阵地建设",
        "noise",
        {
            "jianshe-position-2026": 3,
            "xincai-dues-2026h1": 1,
            "jianshe-plan-2026": 1,
        },
    ),
    (
        "技能",
        "noise",
        {
            "jianshe-training-2026q3": 2,
            "jineng-course-plan-2026": 2,
        },
    ),
    (
        "社会工作",
        "noise",
        {
            "shegong-cpd-2026": 3,
            "shegong-annual-report-2025": 2,
            "shegong-pay-2026": 2,
            "shegong-council-2026": 1,
            "shegong-party-lecture-2026": 1,
        },
    ),
    (
        "健康",
        "noise",
        {
            "jianshe-health-check-2026": 2,
            "xincai-hazard-testing-2026": 2,
            "xincai-collective-contract-2025": 1,
        },
    ),
    (
        "职业病",
        "noise",
        {
            "xincai-hazard-testing-2026": 3,
            "jianshe-health-check-2026": 2,
        },
    ),
]

# Drop explicit zero grades (used above to override a shared grade set).
QUERIES = [
    (query, kind, {key: grade for key, grade in grades.items() if grade})
    for query, kind, grades in QUERIES
]

KINDS = sorted({kind for _query, kind, _grades in QUERIES})

_EXPECTED_KINDS = (
    "question",
    "phrase",
    "synonym",
    "abbreviation",
    "pinyin",
    "initials",
    "homophone",
    "month",
    "docnumber",
    "ranking",
    "noise",
)
_STATES = ("current", "expired", "withdrawn")
_FIELDS = (
    "key",
    "org",
    "kind",
    "category",
    "title",
    "summary",
    "body",
    "published_on",
    "document_number",
    "state",
    "attachment_text",
)


def problems():
    """Return a list of human-readable problems in the data ([] when consistent)."""
    found = []
    keys = set()
    states = {}
    for position, document in enumerate(DOCUMENTS):
        key = document.get("key", f"#{position}")
        missing = [name for name in _FIELDS if name not in document]
        extra = sorted(set(document) - set(_FIELDS))
        if missing or extra:
            found.append(f"{key}: missing fields {missing}, unexpected fields {extra}")
        if key in keys:
            found.append(f"{key}: duplicate key")
        keys.add(key)
        states[key] = document.get("state")
        if document.get("org") not in ORGANIZATIONS:
            found.append(f"{key}: unknown organisation {document.get('org')!r}")
        kind = document.get("kind")
        if kind not in CATEGORIES:
            found.append(f"{key}: unknown kind {kind!r}")
        elif document.get("category") not in CATEGORIES[kind]:
            known = {name for names in CATEGORIES.values() for name in names}
            if document.get("category") in known:
                found.append(
                    f"{key}: category {document.get('category')!r} is not a {kind} category"
                )
            else:
                found.append(f"{key}: unknown category {document.get('category')!r}")
        if document.get("state") not in _STATES:
            found.append(f"{key}: unknown state {document.get('state')!r}")
        if not "2024-01-01" <= str(document.get("published_on")) <= "2026-12-06":
            found.append(f"{key}: publication date {document.get('published_on')!r} out of range")
    for org_key, (_name, org_type) in ORGANIZATIONS.items():
        if org_type not in ("enterprise", "social"):
            found.append(f"organisation {org_key}: unknown type {org_type!r}")
    for query, kind, grades in QUERIES:
        if kind not in _EXPECTED_KINDS:
            found.append(f"query {query!r}: unknown kind {kind!r}")
        for key, grade in grades.items():
            if key not in keys:
                found.append(f"query {query!r}: unknown document {key!r}")
            elif states[key] == "withdrawn" and grade > 1:
                found.append(f"query {query!r}: withdrawn document {key!r} graded {grade}")
            if grade not in (1, 2, 3):
                found.append(f"query {query!r}: grade {grade!r} for {key!r} is not 1, 2 or 3")
        if not any(grade >= 2 for grade in grades.values()):
            found.append(f"query {query!r}: no document graded 2 or 3")
    return found
