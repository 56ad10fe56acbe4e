//! The table: one row per text, `Key => English, 한국어, 繁體中文 (Taiwan);`. Support wording
//! as agents use it: a case is 문의 / 案件, an incident 장애 / 事件. `{name}` is filled by
//! `fill`; every language must use the same names (a test checks).

texts! {
    // Placeholders only: an empty part of a sentence, and text passed through as it is.
    Nothing => "", "", "";
    Verbatim => "{text}", "{text}", "{text}";
    ListSeparator => ", ", ", ", "、";

    // The shell.
    LoadingCases => "Loading your cases…", "문의를 불러오는 중…", "正在載入案件…";
    Language => "Language", "언어", "語言";
    LanguageHint => "The desk's buttons, labels and messages. Case text stays as it was written.",
        "버튼, 메뉴, 안내 문구에 쓰이는 언어입니다. 문의 내용은 작성된 그대로 표시됩니다.",
        "按鈕、標籤與訊息使用的語言。案件內容維持原文，不會翻譯。";
    Groups => "Groups", "그룹", "群組";
    Incidents => "Incidents", "장애", "事件";
    Cases => "Cases", "문의", "案件";
    Customers => "Customers", "고객", "客戶";
    Cancel => "Cancel", "취소", "取消";
    Close => "Close", "닫기", "關閉";
    Dismiss => "Dismiss", "닫기", "知道了";
    Preview => "Preview", "미리 보기", "預覽";
    Saving => "Saving", "저장 중", "儲存中";

    // Keyboard: the command palette, the shortcuts and the shortcut sheet.
    PaletteTitle => "Command palette", "명령 팔레트", "命令面板";
    PaletteOpen => "Commands", "명령", "命令";
    PaletteSearch => "Type a command, a screen or a case", "명령, 화면 또는 문의를 입력하세요", "輸入命令、畫面或案件";
    PaletteResults => "Results", "검색 결과", "搜尋結果";
    PaletteNoMatch => "Nothing matches “{query}”.", "“{query}”와(과) 일치하는 항목이 없습니다.", "找不到符合「{query}」的項目。";
    PaletteHelp => "↑ ↓ move · Enter runs · Esc closes", "↑ ↓ 이동 · Enter 실행 · Esc 닫기", "↑ ↓ 移動 · Enter 執行 · Esc 關閉";
    PaletteRecent => "Recent", "최근", "最近使用";
    PaletteGoInbox => "Go to Inbox", "문의함으로 이동", "前往收件匣";
    PaletteGoGroups => "Go to Groups", "그룹으로 이동", "前往群組";
    PaletteGoIncidents => "Go to Incidents", "장애 목록으로 이동", "前往事件";
    PaletteGoDashboard => "Go to Dashboard", "대시보드로 이동", "前往儀表板";
    PaletteGoSettings => "Go to Settings", "설정으로 이동", "前往設定";
    PaletteNewCase => "New case", "새 문의 등록", "新增案件";
    PaletteWhatIf => "What-if clock: see which cases will breach", "가상 시계: SLA 위반 예정 문의 보기",
        "模擬時鐘：查看哪些案件將 SLA 逾期";
    PaletteLanguage => "Language: {name}", "언어: {name}", "語言：{name}";
    PaletteLoadDemo => "Load demo cases", "데모 문의 불러오기", "載入示範案件";
    PaletteResolve => "Resolve this case", "이 문의 해결 처리", "將此案件標為已解決";
    PaletteSetStatus => "Set status…", "상태 변경…", "變更狀態…";
    PalettePin => "Pin priority…", "우선순위 고정…", "固定優先順序…";
    PalettePinTo => "Pin to {priority}", "{priority}(으)로 고정", "固定為 {priority}";
    PaletteUnpin => "No pin: use the computed priority", "고정 해제: 계산된 우선순위 사용", "取消固定：使用系統計算的優先順序";
    KeysTitle => "Keyboard shortcuts", "단축키", "鍵盤快速鍵";
    KeysAnywhere => "Anywhere", "모든 화면", "所有畫面";
    KeysGoTo => "Go to a screen", "화면 이동", "前往畫面";
    KeysList => "The case list", "문의 목록", "案件清單";
    KeysCase => "An open case", "문의 상세 화면", "案件頁面";
    KeysThen => "then", "다음", "再按";
    KeysOr => "or", "또는", "或";
    KeysInFields => "Single keys do nothing while you type in a field.", "입력란에 입력하는 중에는 한 글자 단축키가 동작하지 않습니다.",
        "在欄位中輸入時，單鍵快速鍵不會作用。";
    KeyPalette => "Open the command palette", "명령 팔레트 열기", "開啟命令面板";
    KeySheet => "Show these shortcuts", "단축키 보기", "顯示快速鍵";
    KeySearch => "Search the inbox", "문의함 검색", "搜尋收件匣";
    KeyBack => "Back, or close a dialog", "뒤로 가기 또는 창 닫기", "返回或關閉視窗";
    KeyNext => "Next case", "다음 문의", "下一個案件";
    KeyPrevious => "Previous case", "이전 문의", "上一個案件";
    KeyOpen => "Open the selected case", "선택한 문의 열기", "開啟選取的案件";

    // Case fields and choices.
    FieldTitle => "Title", "제목", "標題";
    FieldDescription => "Description", "설명", "說明";
    FieldCustomer => "Customer", "고객", "客戶";
    FieldTier => "Tier", "서비스 등급", "服務等級";
    FieldSurface => "Surface", "발생 경로", "發生管道";
    FieldCategory => "Category", "분류", "類別";
    FieldCustomersAffected => "Customers affected", "영향받은 고객 수", "受影響客戶數";
    FieldUrgency => "Urgency", "긴급도", "緊急程度";
    FieldStatus => "Status", "상태", "狀態";
    TierEnterprise => "Enterprise", "엔터프라이즈", "企業版";
    TierPremium => "Premium", "프리미엄", "進階版";
    TierStandard => "Standard", "스탠다드", "標準版";
    TierFree => "Free", "무료", "免費版";
    SurfaceWebsite => "Website", "웹사이트", "網站";
    SurfaceApp => "App", "앱", "應用程式";
    SurfaceSupportPlatform => "Support platform", "고객지원 플랫폼", "客服平台";
    SurfaceApi => "API", "API", "API";
    SurfaceOther => "Other", "기타", "其他";
    UrgencyHigh => "High", "높음", "高";
    UrgencyMedium => "Medium", "보통", "中";
    UrgencyLow => "Low", "낮음", "低";
    StatusNew => "New", "신규", "新案件";
    StatusTriaged => "Triaged", "분류 완료", "已分級";
    StatusInProgress => "In progress", "처리 중", "處理中";
    StatusWaitingOnCustomer => "Waiting on customer", "고객 회신 대기", "等待客戶回覆";
    StatusWaitingOnEngineering => "Waiting on engineering", "개발팀 확인 대기", "等待工程團隊";
    StatusResolved => "Resolved", "해결됨", "已解決";
    StatusClosed => "Closed", "종료", "已結案";
    NoteKindContact => "Customer contact", "고객 응대", "客戶聯繫";
    NoteKindInternal => "Internal note", "내부 메모", "內部備註";

    // The inbox, the header, new case, badges, SLA timers and the what-if clock.
    TabInbox => "Inbox", "문의함", "收件匣";
    TabSettings => "Settings", "설정", "設定";
    Sections => "Sections", "주요 메뉴", "主選單";
    NewCase => "New case", "새 문의", "新增案件";
    DataMenu => "Data", "데이터", "資料";
    StatusSaved => "Saved", "저장됨", "已儲存";
    StatusSaving => "Saving…", "저장 중…", "儲存中…";
    StatusNotSaved => "Not saved", "저장 안 됨", "未儲存";
    OneCase => "1 case", "문의 1건", "1 筆案件";
    CaseCount => "{n} cases", "문의 {n}건", "{n} 筆案件";
    WhatIfClock => "What-if clock", "가상 시각", "模擬時間";
    WhatIfBannerLead => "What-if clock:", "가상 시각:", "模擬時間：";
    WhatIfAhead => "What-if: {time} ahead", "가상 시각: {time} 후", "模擬時間：{time} 後";
    WhatIfShowing => "showing {time} ({ahead} ahead). Nothing is changed or saved.",
        "{time} 기준으로 표시 중({ahead} 후). 변경되거나 저장되는 내용은 없습니다.",
        "目前顯示 {time}（{ahead} 後）的狀態，不會變更或儲存任何內容。";
    BackToNow => "Back to now", "현재로 돌아가기", "回到現在";
    PlusHours => "+{n} h", "+{n}시간", "+{n} 小時";
    EndOfBusinessDay => "End of business day", "업무 종료 시각", "營業結束時";
    AtTime => "At", "지정 시각", "指定時間";
    ShowTime => "Show", "적용", "套用";
    ChooseFutureTime => "Choose a time in the future.", "현재 이후의 시각을 선택하세요.", "請選擇未來的時間。";
    ChooseDateTimeFirst => "Choose a date and time first.", "먼저 날짜와 시간을 선택하세요.", "請先選擇日期與時間。";
    BreachAlerts => "Breach alerts", "위반 알림", "逾期通知";
    TurnOnBreachAlerts => "Turn on breach alerts", "위반 알림 켜기", "開啟逾期通知";
    TurnOffBreachAlerts => "Turn off breach alerts", "위반 알림 끄기", "關閉逾期通知";
    NoNotificationsHere => "This browser does not offer notifications here.", "이 브라우저에서는 알림을 사용할 수 없습니다.",
        "此瀏覽器無法在這裡顯示通知。";
    PermissionNotAsked => "The browser refused to ask for permission.", "브라우저가 알림 권한 요청을 거부했습니다.",
        "瀏覽器拒絕詢問通知權限。";
    NotificationsBlocked => "Notifications are blocked for this page; allow them in the browser's site settings to get breach alerts.",
        "이 페이지의 알림이 차단되어 있습니다. 위반 알림을 받으려면 브라우저의 사이트 설정에서 알림을 허용하세요.",
        "此頁面的通知已被封鎖；請在瀏覽器的網站設定中允許通知，才能收到逾期通知。";
    AlertsAreOn => "You will be notified when a case becomes at risk or breached.",
        "문의가 SLA 위반 임박 또는 위반 상태가 되면 알려 드립니다.", "案件即將逾期或已逾期時會通知您。";
    AlertState => "{state}: {title}", "{state}: {title}", "{state}：{title}";
    AlertNowAtRisk => "This case is now at risk on its SLA.", "이 문의가 SLA 위반 임박 상태입니다.", "此案件的 SLA 即將逾期。";
    AlertNowBreached => "This case is now breached on its SLA.", "이 문의가 SLA를 위반했습니다.", "此案件的 SLA 已逾期。";
    AlertMany => "{n} cases need attention", "확인이 필요한 문의 {n}건", "有 {n} 筆案件需要處理";
    AlertBreachedCount => "{n} breached", "위반 {n}건", "逾期 {n} 筆";
    AlertAtRiskCount => "{n} at risk", "위반 임박 {n}건", "即將逾期 {n} 筆";
    AlertBody => "{counts}: {names}{more}.", "{counts}: {names}{more}.", "{counts}：{names}{more}。";
    AlertAndMore => " and {n} more", " 외 {n}건", "，另有 {n} 筆";
    CaseFilters => "Case filters", "문의 필터", "案件篩選";
    Search => "Search", "검색", "搜尋";
    SearchPlaceholder => "Title, customer, category…", "제목, 고객, 분류…", "標題、客戶、類別…";
    FilterOpen => "Open", "미처리", "未結案";
    FilterDone => "Resolved and closed", "해결·종료", "已解決及已結案";
    FilterAll => "All", "전체", "全部";
    SortBy => "Sort by", "정렬", "排序";
    SortScore => "Triage score", "우선순위 점수", "分級分數";
    SortNewest => "Newest first", "최신순", "最新優先";
    SortOldest => "Oldest first", "오래된순", "最舊優先";
    SortSlaLeft => "SLA time left", "SLA 남은 시간", "SLA 剩餘時間";
    SlaNeedsAttention => "At risk or breached", "위반 임박·위반", "即將逾期或已逾期";
    NoCasesMatch => "No cases match these filters.", "필터 조건에 맞는 문의가 없습니다.", "沒有符合篩選條件的案件。";
    ClearFilters => "Clear filters", "필터 초기화", "清除篩選";
    InboxEmpty => "Your inbox is empty", "문의함이 비어 있습니다", "收件匣中沒有案件";
    InboxEmptyHint => "Cases you add stay in this browser only: nothing leaves your machine. Start with your own escalation, or load a demo queue of realistic cases in English, Korean and Chinese to explore and to train new agents.",
        "등록한 문의는 이 브라우저에만 저장되며 외부로 전송되지 않습니다. 직접 에스컬레이션을 등록하거나, 영어·한국어·중국어로 된 실제와 비슷한 데모 문의를 불러와 기능을 살펴보고 신규 상담원 교육에 활용하세요.",
        "您新增的案件只會儲存在這個瀏覽器中，不會離開您的電腦。您可以從自己的升級案件開始，或載入一組英文、韓文與中文的擬真示範案件，用來熟悉功能及訓練新進客服人員。";
    LoadDemoCases => "Load demo cases", "데모 문의 불러오기", "載入示範案件";
    AddFirstCase => "Add your first case", "첫 문의 등록하기", "新增第一筆案件";
    ColPriority => "Priority", "우선순위", "優先順序";
    ColAge => "Age", "경과", "案齡";
    SlaHeading => "SLA", "SLA", "SLA";
    SurgeAbout => "Surge: {count} similar cases in the last {minutes} minutes about “{title}”.",
        "급증: 최근 {minutes}분 동안 “{title}” 관련 유사 문의 {count}건", "案件激增：過去 {minutes} 分鐘內有 {count} 筆與「{title}」相似的案件。";
    OpenTheGroup => "Open the group", "그룹 보기", "查看群組";
    DismissSurge => "Dismiss this surge alert", "이 급증 알림 닫기", "關閉這則激增通知";
    SaveCase => "Save", "저장", "儲存";
    TitleRequired => "Title is required.", "제목을 입력하세요.", "請輸入標題。";
    TitleTooLong => "Title is {n} characters; keep it under {max}.", "제목이 {n}자입니다. {max}자 이하로 줄여 주세요.",
        "標題有 {n} 個字元，請縮短至 {max} 個字元以內。";
    FieldTooLong => "{field} is {n} characters; the limit is {max}.", "{field}: {n}자로 최대 {max}자를 넘었습니다.",
        "{field}有 {n} 個字元，上限為 {max} 個字元。";
    AtLeastOneCustomer => "At least one customer is affected.", "영향받은 고객은 1명 이상이어야 합니다.", "受影響客戶數至少為 1。";
    AtMostCustomers => "At most {max} customers.", "고객 수는 최대 {max}명입니다.", "客戶數最多為 {max}。";
    CreatedOutOfRange => "Created must be between 1 Jan 1990 and now.", "생성 시각은 1990년 1월 1일부터 현재 사이여야 합니다.",
        "建立時間必須介於 1990 年 1 月 1 日與現在之間。";
    NotAValueFor => "That is not a value for {field}.", "{field}에 쓸 수 없는 값입니다.", "這不是「{field}」可用的值。";
    PriorityIs => "Priority {p}", "우선순위 {p}", "優先順序 {p}";
    PriorityPinned => "Priority {p}, pinned by hand", "우선순위 {p} (수동 고정)", "優先順序 {p}（手動固定）";
    PriorityPinnedComputed => "Priority {p}, pinned by hand; computed {c}", "우선순위 {p} (수동 고정, 계산값 {c})",
        "優先順序 {p}（手動固定；系統計算為 {c}）";
    ComputedPriority => "computed {p}", "계산값 {p}", "計算值 {p}";
    TriageScoreOf100 => "Triage score out of 100", "우선순위 점수 (100점 만점)", "分級分數（滿分 100）";
    AwaitingCustomerShort => "Awaiting cust.", "고객 대기", "待客戶";
    AwaitingEngineeringShort => "Awaiting eng.", "개발 대기", "待工程";
    NoRunningSla => "No running SLA", "진행 중인 SLA 없음", "無進行中的 SLA";
    SlaShortResponse => "Response", "응답", "回覆";
    SlaShortUpdate => "Update", "업데이트", "更新";
    SlaShortResolve => "Resolve", "해결", "解決";
    SlaOnTrack => "On track", "정상", "正常";
    SlaAtRisk => "At risk", "위반 임박", "即將逾期";
    SlaBreached => "Breached", "위반", "逾期";
    SlaMet => "Met", "충족", "已達成";
    SlaPaused => "Paused", "일시 중지", "暫停";
    SlaNotApplicable => "Not applicable", "해당 없음", "不適用";
    SlaNoTarget => "No target", "목표 없음", "無目標";
    SlaNotStarted => "Not started", "시작 전", "尚未開始";
    SlaNotStartedSummary => "Not started, starts with the first contact", "시작 전, 첫 고객 응대 시 시작",
        "尚未開始，首次聯繫客戶後開始計時";
    SlaStartsWithContact => "starts with the first contact", "첫 고객 응대 시 시작", "首次聯繫客戶後開始計時";
    SlaNoSuchTarget => "{target}: this case's tier has no such target, or it has not started.",
        "{target}: 이 문의의 서비스 등급에는 해당 목표가 없거나 아직 시작되지 않았습니다.",
        "{target}：此案件的服務等級沒有這項目標，或尚未開始計時。";
    SlaLeft => "{time} left", "{time} 남음", "剩 {time}";
    SlaAgo => "{time} ago", "{time} 경과", "已過 {time}";
    SlaOverBy => "by {time}", "{time} 초과", "超出 {time}";
    SlaOpensLeft => "opens {opens}, {time} left", "{opens} 재개, {time} 남음", "{opens} 恢復計時，剩 {time}";
    SlaStateRest => "{state}, {rest}", "{state}, {rest}", "{state}，{rest}";
    SlaBreachedRest => "{state} {rest}", "{state}, {rest}", "{state}，{rest}";
    SlaShortPaused => "paused", "중지", "暫停";
    SlaShortMet => "met", "충족", "達成";
    SlaShortLate => "late", "지연", "逾時";
    SlaLate => "{time} late", "{time} 지연", "逾時 {time}";
    SlaShortNoTarget => "no target", "목표 없음", "無目標";
    TimerLabel => "{target}: {summary}", "{target}: {summary}", "{target}：{summary}";
    AgeJustNow => "just now", "방금", "剛剛";
    // Ages fill a narrow column: Chinese without the spaces of a sentence.
    AgeMinutes => "{n} m", "{n}분", "{n}分";
    AgeHours => "{n} h", "{n}시간", "{n}小時";
    AgeDays => "{n} d", "{n}일", "{n}天";
    DurUnderMinute => "< 1 m", "1분 미만", "不到 1 分鐘";
    DurMinutes => "{m} m", "{m}분", "{m} 分鐘";
    DurHours => "{h} h", "{h}시간", "{h} 小時";
    DurHoursMinutes => "{h} h {m} m", "{h}시간 {m}분", "{h} 小時 {m} 分";
    DurMinutesSeconds => "{m} m {s} s", "{m}분 {s}초", "{m} 分 {s} 秒";
    SlaExplainBudget => "{target}: {budget} of business time on \"{calendar}\" ({zone}).",
        "{target}: “{calendar}” 캘린더 기준 {budget} ({zone}).", "{target}：依「{calendar}」行事曆計算 {budget}（{zone}）。";
    SlaStarted => "Started {time}.", "시작: {time}.", "開始：{time}。";
    SlaPausedStretch => "Paused {stretch}: {reason}.", "일시 중지 {stretch}: {reason}.", "暫停 {stretch}：{reason}。";
    SlaFromTo => "{from} to {to}", "{from}부터 {to}까지", "{from} 至 {to}";
    SlaSince => "since {from}", "{from}부터", "自 {from} 起";
    SlaClosedSkipped => "Closed hours skipped: {list}{more}.", "제외된 업무 외 시간: {list}{more}.", "已略過非營業時間：{list}{more}。";
    SlaListJoin => "{a}; {b}", "{a}; {b}", "{a}；{b}";
    SlaListJoinComma => "{a}, {b}", "{a}, {b}", "{a}，{b}";
    SlaAndMore => "; and more", " 외", "等";
    SlaDeadline => "Deadline {time}.", "기한: {time}.", "期限：{time}。";
    SlaNoDeadlinePaused => "No deadline while paused.", "일시 중지 중에는 기한이 없습니다.", "暫停期間不計算期限。";
    SlaEndedByContact => "Ended by customer contact at {time}.", "{time} 고객 응대로 종료.", "已於 {time} 因聯繫客戶而結束。";
    SlaEndedByResolution => "Ended by resolution at {time}.", "{time} 해결로 종료.", "已於 {time} 因案件解決而結束。";
    SlaResolvedUntilReopened => "Resolved until reopened", "재오픈 전까지 해결 상태", "已解決（直到重新開啟）";
    Sentence => "{text}.", "{text}.", "{text}。";
    CalendarBusinessHours => "Business hours", "업무 시간", "營業時間";
    CalendarAlwaysOpen => "24x7", "연중무휴", "全年無休";
    ImportNoTitle => "has no title, so it cannot become a new case", "제목이 없어 새 문의로 등록할 수 없습니다",
        "沒有標題，無法建立為新案件";
    ImportCaseGone => "matches a case that is no longer on the desk", "일치하는 문의가 더 이상 데스크에 없습니다",
        "對應的案件已不在案件清單中";
    ImportNoFreshId => "no unused case id could be made for it", "사용할 수 있는 문의 ID를 만들지 못했습니다", "無法產生可用的案件 ID";
    ImportCountOutOfRange => "customers affected {value} is not a number from 1 to {max}",
        "영향받은 고객 수 {value}은(는) 1~{max} 사이의 숫자가 아닙니다", "受影響客戶數 {value} 不是 1 到 {max} 之間的數字";
    ImportTimelineEntry => "timeline entry {n}", "타임라인 {n}번째 항목", "時間軸第 {n} 筆";
    ImportTimeTooEarly => "{what} {time} is before {year}, which this desk does not take",
        "{what} {time}은(는) {year}년 이전이라 가져올 수 없습니다", "{what} {time} 早於 {year} 年，無法匯入";
    ImportTimeTooLate => "{what} {time} is more than a year from now, which this desk does not take",
        "{what} {time}은(는) 지금부터 1년 넘게 뒤라서 가져올 수 없습니다", "{what} {time} 距今超過一年，無法匯入";
    ImportIdEmpty => "the case id is empty, so its page could never be opened", "문의 ID가 비어 있어 문의 페이지를 열 수 없습니다",
        "案件 ID 是空白的，無法開啟案件頁面";
    ImportIdTooLong => "the case id is longer than {max} characters", "문의 ID가 {max}자를 넘습니다", "案件 ID 超過 {max} 個字元";
    ImportIdControl => "the case id holds control characters", "문의 ID에 제어 문자가 들어 있습니다", "案件 ID 含有控制字元";
    ImportNotATime => "{field} \"{value}\" is not a date and time this importer reads",
        "{field} “{value}”은(는) 읽을 수 있는 날짜·시간 형식이 아닙니다", "{field}「{value}」不是可讀取的日期時間格式";
    ImportTitleEmpty => "the title is empty", "제목이 비어 있습니다", "標題是空白的";
    ImportTitleTooLong => "the title is longer than {max} characters", "제목이 {max}자를 넘습니다", "標題超過 {max} 個字元";
    ImportFieldTooLong => "{field} is longer than {max} characters", "{field}: {max}자를 넘습니다", "{field}超過 {max} 個字元";
    ImportCellCount => "has {n} cells where the header has {width}", "셀이 {n}개로, 머리글의 {width}개와 다릅니다",
        "有 {n} 個欄位，但標題列有 {width} 個";
    ImportUnclosedQuote => "a quote opened in this row is never closed, so lines {first}–{last} were read as one row; close the quote and import again",
        "이 행에서 시작한 따옴표가 닫히지 않아 {first}–{last}행이 한 행으로 읽혔습니다. 따옴표를 닫고 다시 가져오세요",
        "此列的引號沒有關閉，因此第 {first}–{last} 行被讀成同一列；請補上引號後重新匯入";
    ImportNotAnIssue => "is not an issue object", "이슈 항목이 아닙니다", "不是議題項目";
    ImportNoIssueNumber => "has no issue number", "이슈 번호가 없습니다", "沒有議題編號";
    ImportCaseUnreadable => "{detail}", "문의를 읽을 수 없습니다({detail})", "無法讀取案件（{detail}）";
    ImportNoIdColumn => "No column gives an id, so importing this file again will add its rows again.",
        "ID를 담은 열이 없어 이 파일을 다시 가져오면 행이 또 추가됩니다.", "沒有提供 ID 的欄位，再次匯入此檔案時會重複新增這些列。";
    ImportNoCreatedColumn => "No column gives the created date; new cases are dated at the import time.",
        "생성일 열이 없어 새 문의는 가져온 시각으로 등록됩니다.", "沒有建立日期欄位；新案件將以匯入時間作為建立時間。";
    ImportRepeatedId => "Rows repeat an id seen earlier in the file; the later row updates the earlier one.",
        "파일 안에 같은 ID가 반복된 행이 있습니다. 뒤쪽 행이 앞쪽 행을 갱신합니다.", "檔案中有重複的 ID；後面的列會更新前面的列。";
    ImportUnknownValue => "{field} \"{value}\" is not known and was left out (new cases get {default}).",
        "알 수 없는 {field} 값 “{value}”은(는) 제외했습니다(새 문의는 {default}).", "無法辨識的{field}「{value}」已略過（新案件使用「{default}」）。";
    ImportNoCreatedDate => "Rows without a created date are dated at the import time.",
        "생성일이 없는 행은 가져온 시각으로 등록됩니다.", "沒有建立日期的列會以匯入時間作為建立時間。";
    ImportDescriptionsCut => "Descriptions longer than {max} characters were cut to fit.",
        "{max}자를 넘는 설명은 잘라서 가져왔습니다.", "超過 {max} 個字元的說明已截斷。";
    ImportPullRequestsSkipped => "Pull requests in the list were skipped.", "목록의 풀 리퀘스트는 건너뛰었습니다.",
        "已略過清單中的拉取請求。";
    ImportBackupNoDeskRecord => "The backup has no desk record, so its settings, incidents, merges and not-duplicate marks are not restored.",
        "백업에 데스크 레코드가 없어 설정, 장애, 병합, 중복 아님 표시는 복원되지 않습니다.",
        "備份中沒有服務台紀錄，因此不會還原設定、事件、合併及「非重複」標記。";
    ImportBackupDeskRecordUnreadable => "The backup's desk record could not be read ({error}), so its settings, incidents, merges and not-duplicate marks are not restored.",
        "백업의 데스크 레코드를 읽을 수 없어({error}) 설정, 장애, 병합, 중복 아님 표시는 복원되지 않습니다.",
        "無法讀取備份的服務台紀錄（{error}），因此不會還原設定、事件、合併及「非重複」標記。";
    ImportBackupCasesMissing => "The desk record counts {expected} cases; {read} of them could be read from the backup.",
        "데스크 레코드에는 문의가 {expected}건 있지만 백업에서 읽은 것은 {read}건입니다.",
        "服務台紀錄共有 {expected} 筆案件，但只能從備份讀取其中 {read} 筆。";
    ImportRecordUnreadable => "could not be read, so its cases are left out ({error})",
        "읽을 수 없어 이 레코드의 문의를 제외했습니다({error})", "無法讀取，已略過其中的案件（{error}）";

    // Form fields.
    ChangedInOtherTabLabel => "{field} changed in another tab", "다른 탭에서 {field} 변경됨", "{field}已在其他分頁變更";
    ChangedInOtherTab => "Changed in another tab to “{value}”.", "다른 탭에서 “{value}”(으)로 바뀌었습니다.",
        "已在其他分頁改為「{value}」。";
    KeepMine => "Keep mine", "내 입력 유지", "保留我的內容";
    TakeTheirs => "Take theirs", "다른 탭 값 사용", "採用對方的內容";
    NotAWholeNumber => "“{text}” is not a whole number.", "“{text}”은(는) 정수가 아닙니다.", "「{text}」不是整數。";
    EnterCompleteDateTime => "Enter a complete date and time.", "날짜와 시간을 모두 입력하세요.", "請輸入完整的日期與時間。";

    // The case page and Groups.
    CaseNotFound => "Case not found", "문의를 찾을 수 없음", "找不到案件";
    NoCaseWithId => "There is no case with the id {id} in this browser.", "이 브라우저에 ID가 {id}인 문의가 없습니다.",
        "此瀏覽器中沒有 ID 為 {id} 的案件。";
    BackToInbox => "Back to inbox", "문의함으로 돌아가기", "返回收件匣";
    CaseToInbox => "\u{2190} Inbox", "\u{2190} 문의함", "\u{2190} 收件匣";
    CaseLead => "Case", "문의", "案件";
    ExternalLead => "External", "외부", "外部";
    CopyId => "Copy", "복사", "複製";
    CopyCaseId => "Copy case id {id}", "문의 ID {id} 복사", "複製案件 ID {id}";
    CopyExternalId => "Copy external id {id}", "외부 ID {id} 복사", "複製外部 ID {id}";
    CopiedCaseId => "Copied the case id {id}.", "문의 ID {id}을(를) 복사했습니다.", "已複製案件 ID {id}。";
    CopiedExternalId => "Copied the external id {id}.", "외부 ID {id}을(를) 복사했습니다.", "已複製外部 ID {id}。";
    CopyIdRefused => "The browser did not allow copying; select {id} and copy it by hand.",
        "브라우저에서 복사를 허용하지 않았습니다. {id}을(를) 선택해 직접 복사하세요.", "瀏覽器不允許複製；請選取 {id} 後手動複製。";
    FactOpened => "opened {ago}", "{ago} 접수", "{ago}建立";
    FactFirstResponse => " · first response {time}", " · 첫 응답 {time}", " · 首次回覆 {time}";
    FactNoContact => " · no customer contact yet", " · 아직 고객 응대 없음", " · 尚未聯繫客戶";
    FactResolved => " · resolved {time}", " · 해결 {time}", " · 解決於 {time}";
    CaseDetails => "Case details", "문의 상세 정보", "案件詳細資料";
    DetailsHeading => "Details", "상세 정보", "詳細資料";
    SavedOnLeave => "Changes are saved as you leave each field, and logged on the timeline.",
        "각 항목에서 벗어나면 변경 사항이 저장되고 타임라인에 기록됩니다.", "離開各欄位時即會儲存變更，並記錄在時間軸上。";
    StatusAndNotesLabel => "Status and notes", "상태 및 메모", "狀態與備註";
    NoteLabel => "Note", "메모", "備註";
    NotePlaceholder => "What the customer said, what you did…", "고객이 한 말, 처리한 내용…", "客戶說了什麼、您做了哪些處理…";
    ContactedCustomer => "Contacted the customer.", "고객에게 연락했습니다.", "已聯繫客戶。";
    WriteNoteFirst => "Write the note first.", "메모를 먼저 입력하세요.", "請先輸入備註。";
    LogCustomerContact => "Log customer contact", "고객 응대 기록", "記錄客戶聯繫";
    AddInternalNote => "Add internal note", "내부 메모 추가", "新增內部備註";
    ResolveCase => "Resolve", "해결 처리", "設為已解決";
    EngineeringDetails => "Details for engineering", "개발팀 전달용 정보", "提供給工程團隊的資訊";
    EngineeringFilled => "{n} of {total} filled", "{total}개 중 {n}개 입력됨", "已填寫 {n}/{total} 項";
    EnvironmentLegend => "Environment", "환경", "環境";
    EngineeringHint => "For the engineering hand-off; saved as you leave each field.",
        "개발팀 인계 자료에 들어갑니다. 각 항목에서 벗어나면 저장됩니다.", "會放入交接給工程團隊的資料；離開各欄位時即會儲存。";
    EvCreated => "Case created", "문의 생성됨", "已建立案件";
    EvFieldChanged => "{field} changed from {from} to {to}", "{field} 변경: {from} → {to}", "{field}已由{from}改為{to}";
    EvEmpty => "(empty)", "(비어 있음)", "（空白）";
    EvStatusPaused => "Status changed from {from} to {to}; SLA paused (Next update, Resolution): waiting on the customer",
        "상태 변경: {from} → {to}. 고객 회신 대기로 SLA 일시 정지(다음 업데이트, 해결)",
        "狀態由「{from}」改為「{to}」；等待客戶回覆，SLA 暫停計時（下次更新、解決）";
    EvStatusResumed => "Status changed from {from} to {to}; SLA resumed", "상태 변경: {from} → {to}. SLA 재개",
        "狀態由「{from}」改為「{to}」；SLA 恢復計時";
    EvReopened => "Reopened: {from} to {to}; resolution time cleared", "재오픈: {from} → {to}. 해결 시각 초기화",
        "重新開啟：{from} → {to}；已清除解決時間";
    EvContact => "Customer contact: {text}", "고객 응대: {text}", "客戶聯繫：{text}";
    EvInternal => "Internal note: {text}", "내부 메모: {text}", "內部備註：{text}";
    EvPinned => "Priority pinned to {to}", "우선순위를 {to}(으)로 고정", "優先順序固定為 {to}";
    EvPinRemoved => "Priority pin removed", "우선순위 고정 해제", "已取消固定優先順序";
    EvPinRemovedWas => "Priority pin removed (was {was})", "우선순위 고정 해제(이전 {was})", "已取消固定優先順序（原為 {was}）";
    EvLinked => "Linked to {case}", "{case}와(과) 연결됨", "已連結至 {case}";
    EvMergedInto => "Closed as a duplicate of {case}", "{case}의 중복 문의로 종료됨", "已作為 {case} 的重複案件結案";
    EvMergedDuplicates => "Merged duplicates into this case: {cases}", "이 문의로 중복 문의 병합: {cases}",
        "已將重複案件合併至此案件：{cases}";
    EvUnmerged => "Unmerged from {case}", "{case}에서 병합 해제됨", "已從 {case} 取消合併";
    EvUnmergedOne => "Unmerged 1 duplicate: {cases}", "중복 문의 1건 병합 해제: {cases}", "已取消合併 1 筆重複案件：{cases}";
    EvUnmergedMany => "Unmerged {n} duplicates: {cases}", "중복 문의 {n}건 병합 해제: {cases}", "已取消合併 {n} 筆重複案件：{cases}";
    EvIncidentLinked => "Linked to incident {incident} {title}", "장애 {incident} {title}에 연결됨", "已連結至事件 {incident} {title}";
    EvIncidentUnlinked => "Removed from incident {incident} {title}", "장애 {incident} {title}에서 제외됨",
        "已從事件 {incident} {title} 移除";
    EvRated => "Customer satisfaction rated {rating}", "고객 만족도 평가: {rating}", "客戶滿意度評為「{rating}」";
    EvRatedComment => "Customer satisfaction rated {rating}: {comment}", "고객 만족도 평가: {rating} - {comment}",
        "客戶滿意度評為「{rating}」：{comment}";
    EvRatingRemoved => "Customer satisfaction rating removed", "고객 만족도 평가 삭제", "已移除客戶滿意度評分";
    ListPair => "{a}, {b}", "{a}, {b}", "{a}、{b}";
    NamesAnd => "{rest} and {last}", "{rest} 및 {last}", "{rest}及{last}";
    ClosedAsDuplicateOf => "Closed as a duplicate of {case}.", "{case}의 중복 문의로 종료되었습니다.", "已作為 {case} 的重複案件結案。";
    MergedDuplicatesHeld => "Merged duplicates: {titles}.", "병합된 중복 문의: {titles}.", "已合併的重複案件：{titles}。";
    UnmergeButton => "Unmerge", "병합 해제", "取消合併";
    UnmergeTitle => "Unmerge {title}", "{title} 병합 해제", "取消合併「{title}」";
    UnmergedOne => "Unmerged {restored} from {from}: it has its fields back, and the merge and the unmerge stay on its timeline.",
        "{from}에서 {restored}의 병합을 해제했습니다. 원래 값이 복원되었으며, 병합과 병합 해제 기록은 타임라인에 남습니다.",
        "已將 {restored} 從 {from} 取消合併：欄位已還原，合併與取消合併的紀錄都會保留在時間軸上。";
    UnmergedMany => "Unmerged {n} cases from {from}: {restored}. They have their fields back, and the merge and the unmerge stay on their timelines.",
        "{from}에서 문의 {n}건의 병합을 해제했습니다: {restored}. 원래 값이 복원되었으며, 병합과 병합 해제 기록은 각 타임라인에 남습니다.",
        "已從 {from} 取消合併 {n} 筆案件：{restored}。欄位均已還原，合併與取消合併的紀錄都會保留在各自的時間軸上。";
    MergedOne => "Merged {merged} into {into}. Unmerge puts it back.", "{merged}을(를) {into}(으)로 병합했습니다. 병합 해제로 되돌릴 수 있습니다.",
        "已將 {merged} 合併至 {into}。可用「取消合併」還原。";
    MergedMany => "Merged {n} cases into {into}: {merged}. Unmerge puts them back.",
        "문의 {n}건을 {into}(으)로 병합했습니다: {merged}. 병합 해제로 되돌릴 수 있습니다.",
        "已將 {n} 筆案件合併至 {into}：{merged}。可用「取消合併」還原。";
    MergeNothing => "Choose at least one case besides the primary.", "대표 문의 외에 문의를 하나 이상 선택하세요.",
        "請至少選擇一筆主要案件以外的案件。";
    MergeUnknown => "There is no case {id}.", "문의 {id}이(가) 없습니다.", "沒有案件 {id}。";
    MergeAlreadyMerged => "Case {id} is already merged into another case.", "문의 {id}은(는) 이미 다른 문의에 병합되었습니다.",
        "案件 {id} 已合併至其他案件。";
    MergedCasesHeading => "Merged cases", "병합된 문의", "已合併的案件";
    WhyThisScore => "Why this score", "점수 산정 근거", "分數依據";
    ScoreOf => "Score {n} of 100", "100점 만점에 {n}점", "{n} 分（滿分 100）";
    ImpactTimesUrgency => "Impact {impact} \u{00d7} urgency {urgency} \u{2192} {priority}",
        "영향도 {impact} \u{00d7} 긴급도 {urgency} \u{2192} {priority}", "影響程度{impact} \u{00d7} 緊急程度{urgency} \u{2192} {priority}";
    PointsPerFactor => "Points per factor", "요소별 점수", "各項因素得分";
    FactorHeader => "Factor", "요소", "因素";
    PointsHeader => "Points", "점수", "得分";
    OutOfHeader => "Out of", "만점", "滿分";
    TotalRow => "Total", "합계", "總分";
    NoMatchedText => "No risk keywords or distress cues in the text.", "내용에 위험 키워드나 불만 신호가 없습니다.",
        "內容中沒有風險關鍵字或情緒訊號。";
    MatchedInText => "Matched keywords in the text", "내용에서 찾은 키워드", "內容中符合的關鍵字";
    PinnedPriority => "Pinned priority", "고정 우선순위", "固定優先順序";
    NoPinComputed => "No pin (computed {priority})", "고정 안 함(계산값 {priority})", "不固定（計算結果 {priority}）";
    PinTo => "Pin {priority}", "{priority}(으)로 고정", "固定為 {priority}";
    RatingLabel => "Rating", "평가", "評分";
    NotRated => "Not rated", "평가 없음", "未評分";
    WhatCustomerSaid => "What the customer said", "고객 의견", "客戶意見";
    GroupingCases => "Grouping open cases…", "진행 중인 문의를 그룹으로 묶는 중…", "正在將未結案件分組…";
    GroupCountOne => "1 group of likely duplicates", "중복 가능성이 높은 그룹 1개", "1 個可能重複的群組";
    GroupCount => "{n} groups of likely duplicates", "중복 가능성이 높은 그룹 {n}개", "{n} 個可能重複的群組";
    GroupsIntro => "Open cases whose title and description say the same thing. Mark a case that does not belong as not a duplicate, merge a group into one primary case, or promote it to an incident.",
        "제목과 설명이 같은 문제를 말하는 진행 중인 문의입니다. 그룹에 맞지 않는 문의는 중복 아님으로 표시하고, 그룹을 대표 문의 하나로 병합하거나 장애로 전환하세요.",
        "標題與說明描述同一個問題的未結案件。不屬於群組的案件請標記為非重複，也可以將群組合併為一筆主要案件，或升級為事件。";
    LookingForDuplicates => "Looking for duplicates…", "중복 문의를 찾는 중…", "正在尋找重複案件…";
    NoGroups => "No groups: no two open cases look alike at the current grouping strictness.",
        "그룹 없음: 현재 그룹화 기준에서 서로 비슷한 진행 중 문의가 없습니다.", "沒有群組：在目前的分組嚴格度下，沒有相似的未結案件。";
    ShowMoreOf => "Show {n} more of {rest}", "{rest}개 중 {n}개 더 보기", "再顯示 {n} 個（尚有 {rest} 個）";
    GroupFacts => "{cases} cases · {customers} · {tiers} · {surfaces}", "문의 {cases}건 · {customers} · {tiers} · {surfaces}",
        "{cases} 筆案件 · {customers} · {tiers} · {surfaces}";
    OneCustomer => "1 customer", "고객 1명", "1 位客戶";
    NCustomers => "{n} customers", "고객 {n}명", "{n} 位客戶";
    CustomersLead => "Customers: ", "고객: ", "客戶：";
    GroupSeen => " · first seen {first} · last seen {last} · {percent} % alike", " · 최초 접수 {first} · 최근 접수 {last} · 유사도 {percent}%",
        " · 首次出現 {first} · 最近出現 {last} · 相似度 {percent}%";
    SharedWordsLead => "Shared words: ", "공통 단어: ", "共同字詞：";
    ViaGlossaryNote => "(via glossary)", "(용어집 대응)", "（經由詞彙表）";
    MergeIntoPrimary => "Merge into primary", "대표 문의로 병합", "合併至主要案件";
    PromoteToIncident => "Promote to incident", "장애로 전환", "升級為事件";
    KeepWhenMerging => "Keep this case when merging", "병합할 때 이 문의를 남깁니다", "合併時保留此案件";
    PrimaryOf => "Primary: {title}", "대표 문의: {title}", "主要案件：{title}";
    PrimaryPick => "Primary", "대표", "主要";
    NotADuplicate => "Not a duplicate", "중복 아님", "非重複";
    NotDuplicateOf => "Not a duplicate: {title}", "중복 아님: {title}", "非重複：{title}";
    AddToIncidentLabel => "Add to incident", "장애에 추가", "加入事件";
    AddToIncidentButton => "Add", "추가", "加入";
    IncidentOption => "{id} · {title}", "{id} · {title}", "{id}・{title}";
    NotInIncident => "Not part of an incident.", "연결된 장애가 없습니다.", "未納入任何事件。";
    NoOpenIncident => "No open incident to add it to.", "추가할 수 있는 진행 중인 장애가 없습니다.", "目前沒有可加入的進行中事件。";
    RemoveCase => "Remove", "제외", "移除";
    RemoveFrom => "Remove from {incident}", "{incident}에서 제외", "從 {incident} 移除";
    AddedTo => "Added to {incident}.", "{incident}에 추가했습니다.", "已加入 {incident}。";
    RemovedFrom => "Removed from {incident}; both timelines note it.", "{incident}에서 제외했습니다. 양쪽 타임라인에 기록됩니다.",
        "已從 {incident} 移除，雙方的時間軸都會記錄。";
    AddedOneCaseTo => "Added 1 case to {incident}.", "문의 1건을 {incident}에 추가했습니다.", "已將 1 筆案件加入 {incident}。";
    AddedCasesTo => "Added {n} cases to {incident}.", "문의 {n}건을 {incident}에 추가했습니다.", "已將 {n} 筆案件加入 {incident}。";
    HoldsOf => "{incident} holds {held} of these {total} cases", "{incident}에 이 문의 {total}건 중 {held}건이 포함되어 있습니다",
        "{incident} 已包含這 {total} 筆案件中的 {held} 筆";
    AddNewCasesTo => "Add the new cases to {incident}", "새 문의를 {incident}에 추가", "將新案件加入 {incident}";
    AlreadyInIncident => "{incident} already holds cases of this group: add the new cases to it instead of making a second incident.",
        "이 그룹의 문의가 이미 {incident}에 포함되어 있습니다. 장애를 새로 만들지 말고 새 문의를 여기에 추가하세요.",
        "{incident} 已包含此群組的案件：請將新案件加入該事件，不要另建第二個事件。";

    // Saving and stored data.
    NotSavedLead => "Not saved. ", "저장되지 않았습니다. ", "尚未儲存。";
    TrySavingAgain => "Try saving again", "다시 저장", "重新儲存";
    DownloadBackup => "Download a backup", "백업 다운로드", "下載備份";
    LastChangeNotSaved => "Your last change was not saved: {reason}. Everything is still here in this tab and is saved with your next change; Download a backup keeps a copy, and this page asks before it closes.",
        "마지막 변경 사항이 저장되지 않았습니다: {reason}. 모든 내용은 이 탭에 그대로 있으며 다음 변경 때 함께 저장됩니다. 백업 다운로드로 사본을 보관할 수 있고, 이 페이지를 닫기 전에 확인을 요청합니다.",
        "您最近的變更尚未儲存：{reason}。所有內容仍保留在這個分頁中，下次變更時會一併儲存；「下載備份」可保留一份副本，關閉此頁面前也會先詢問您。";
    StorageUnavailable => "Cases stay only while this tab is open: {reason}. Use Export JSON to keep a copy.",
        "이 탭을 닫으면 문의가 사라집니다: {reason}. JSON 내보내기로 사본을 보관하세요.",
        "案件只會保留到這個分頁關閉為止：{reason}。請使用「匯出 JSON」保留一份副本。";
    OtherTabUnreadable => "another tab's newer data could not be read ({reason})",
        "다른 탭의 최신 데이터를 읽지 못했습니다({reason})", "無法讀取其他分頁較新的資料（{reason}）";
    OtherTabsKeptWriting => "other tabs kept writing at the same moment", "다른 탭에서 동시에 계속 저장하고 있었습니다",
        "其他分頁同時持續寫入";
    SaveDidNotFinish => "A save did not finish", "저장이 끝나지 않음", "儲存未完成";
    NotEverythingKept => "Not everything was kept. ", "일부 내용이 보관되지 않았습니다. ", "部分內容未保留。";
    InterruptedSave => "The last save before a page of this desk closed did not finish: it was writing the records of {cases} cases (from {time}), and the desk is as it was before that save, so the changes it held are not in this browser's storage. If they came from an import, import the file again.",
        "이 데스크의 페이지가 닫히기 전 마지막 저장이 끝나지 않았습니다. 문의 {cases}건의 기록을 저장하던 중이었으며({time}부터), 데스크는 그 저장 이전 상태이므로 해당 변경 사항은 이 브라우저에 저장되어 있지 않습니다. 가져오기로 추가한 내용이라면 파일을 다시 가져오세요.",
        "此工作台的頁面關閉前，最後一次儲存沒有完成：當時正在寫入 {cases} 筆案件的紀錄（自 {time} 起），工作台維持在該次儲存之前的狀態，因此那些變更並未存在此瀏覽器中。若變更來自匯入，請重新匯入該檔案。";
    StoredDataUnreadable => "Stored data could not be read", "저장된 데이터를 읽을 수 없음", "無法讀取已儲存的資料";
    SomeDataUnreadable => "Some of your saved data could not be read. ", "저장된 데이터 일부를 읽을 수 없습니다. ",
        "部分已儲存的資料無法讀取。";
    BackupKeptHolding => "Nothing was deleted: the data was copied to the backup “{key}” in this browser. The desk shows what could be read, and nothing is saved over the stored data until you choose Keep backup and continue. Download unreadable data gives a file that Import can restore from.",
        "삭제된 것은 없습니다. 데이터는 이 브라우저의 백업 “{key}”에 복사되었습니다. 데스크에는 읽을 수 있는 내용만 표시되며, 백업 유지 후 계속을 선택하기 전까지 저장된 데이터를 덮어쓰지 않습니다. 읽을 수 없는 데이터 다운로드로 받은 파일은 가져오기로 복원할 수 있습니다.",
        "沒有刪除任何資料：資料已複製到此瀏覽器中的備份「{key}」。工作台只顯示可讀取的內容，在您選擇「保留備份並繼續」之前，不會覆寫已儲存的資料。「下載無法讀取的資料」取得的檔案可用「匯入」還原。";
    BackupKept => "Nothing was deleted: the data was copied to the backup “{key}” in this browser, and the desk starts without it until you decide.",
        "삭제된 것은 없습니다. 데이터는 이 브라우저의 백업 “{key}”에 복사되었으며, 결정하기 전까지 데스크는 이 데이터 없이 시작합니다.",
        "沒有刪除任何資料：資料已複製到此瀏覽器中的備份「{key}」，在您決定之前，工作台會先在沒有這些資料的情況下啟動。";
    BackupNotMade => "It could not be copied aside, so it was left untouched and nothing will be saved over it until you download and discard it.",
        "따로 복사할 수 없어 그대로 두었습니다. 다운로드한 뒤 삭제하기 전까지 그 위에 아무것도 저장하지 않습니다.",
        "無法另外複製，因此保持原狀；在您下載並捨棄之前，不會有任何內容覆寫它。";
    DownloadUnreadable => "Download unreadable data", "읽을 수 없는 데이터 다운로드", "下載無法讀取的資料";
    DiscardUnreadable => "Discard unreadable data", "읽을 수 없는 데이터 삭제", "捨棄無法讀取的資料";
    KeepBackupAndContinue => "Keep backup and continue", "백업 유지 후 계속", "保留備份並繼續";
    BackupGone => "The backup is no longer in this browser's storage.", "백업이 더 이상 이 브라우저 저장소에 없습니다.",
        "此瀏覽器的儲存空間中已經沒有這份備份。";
    DownloadFailed => "The download could not start ({what}).", "다운로드를 시작할 수 없습니다({what}).", "無法開始下載（{what}）。";
    FileUnreadable => "The file could not be read.", "파일을 읽을 수 없습니다.", "無法讀取檔案。";

    // Settings: its sections, templates, update cadence and the glossary.
    SettingsOnThisPage => "On this page", "이 페이지의 항목", "本頁項目";
    SettingsYou => "You", "내 정보", "個人資訊";
    DisplayName => "Display name", "표시 이름", "顯示名稱";
    DisplayNameHint => "Written as the author of every timeline entry you add. An empty name is shown as “Me”.",
        "타임라인에 남기는 모든 기록의 작성자로 표시됩니다. 비워 두면 “Me”로 표시됩니다.",
        "會顯示為您新增的每筆時間軸紀錄的作者。留空時顯示為「Me」。";
    ListJoin => "{first}, {rest}", "{first}, {rest}", "{first}、{rest}";
    LanguageEnglish => "English", "영어", "英文";
    LanguageKorean => "Korean", "한국어", "韓文";
    LanguageChinese => "Traditional Chinese", "중국어 번체", "繁體中文";
    // Settings > Storage.
    StorageHeading => "Storage", "저장 공간", "儲存空間";
    CasesKeptOne => "1 case is kept in this browser.", "이 브라우저에 문의 1건이 저장되어 있습니다.", "此瀏覽器中保存了 1 筆案件。";
    CasesKept => "{n} cases are kept in this browser.", "이 브라우저에 문의 {n}건이 저장되어 있습니다.", "此瀏覽器中保存了 {n} 筆案件。";
    AskingStorage => "Asking the browser how much storage is used…", "브라우저에 사용 중인 저장 공간을 확인하는 중…",
        "正在向瀏覽器查詢已使用的儲存空間…";
    StorageUnknown => "This browser does not say how much storage this page uses.",
        "이 브라우저는 이 페이지가 사용하는 저장 공간을 알려 주지 않습니다.", "此瀏覽器不提供此頁面使用的儲存空間資訊。";
    StorageCapacity => "Using {used} of the {quota} this browser allows this page; room for about {more} more cases.",
        "이 브라우저가 허용하는 {quota} 중 {used}를 사용 중이며, 문의 약 {more}건을 더 저장할 수 있습니다.",
        "已使用此瀏覽器允許此頁面的 {quota} 中的 {used}；大約還能再存放 {more} 筆案件。";
    // Settings > SLA.
    SlaIntro => "Targets are business time on the calendar each tier uses. Changes apply to every case at once.",
        "목표 시간은 각 서비스 등급이 사용하는 캘린더의 업무 시간 기준입니다. 변경하면 모든 문의에 즉시 적용됩니다.",
        "目標時間以各服務等級所用行事曆的上班時間計算。變更會立即套用到所有案件。";
    Calendars => "Calendars", "업무 캘린더", "行事曆";
    AddCalendar => "Add calendar", "캘린더 추가", "新增行事曆";
    AtRiskLabel => "At risk threshold (% of the target used)", "위험 기준(목표 시간 사용률 %)", "即將逾期門檻（已用目標時間 %）";
    NotAPercentage => "“{text}” is not a percentage from 1 to 100.", "“{text}”은(는) 1~100 사이의 백분율이 아닙니다.",
        "「{text}」不是 1 到 100 之間的百分比。";
    TargetsPerTier => "Targets per tier", "서비스 등급별 목표", "各服務等級的目標";
    CalendarColumn => "Calendar", "캘린더", "行事曆";
    TierCalendar => "{tier} calendar", "{tier} 캘린더", "{tier}行事曆";
    SpanAmount => "{tier} {target} amount", "{tier} {target} 시간", "{tier}{target}時間";
    SpanUnit => "{tier} {target} unit", "{tier} {target} 단위", "{tier}{target}單位";
    WholeNumberRange => "Enter a whole number from {min} to {max}.", "{min}~{max} 사이의 정수를 입력하세요.",
        "請輸入 {min} 到 {max} 之間的整數。";
    UnitMinutes => "minutes", "분", "分鐘";
    UnitHours => "hours", "시간", "小時";
    UnitBusinessDays => "business days", "영업일", "工作天";
    UnitNone => "no target", "목표 없음", "無目標";
    CalendarName => "{calendar} name", "{calendar} 이름", "{calendar}名稱";
    CalendarZone => "{calendar} time zone", "{calendar} 시간대", "{calendar}時區";
    CalendarDayHours => "{calendar} {day} hours", "{calendar} {day} 업무 시간", "{calendar}{day}上班時間";
    CalendarHolidays => "{calendar} holidays", "{calendar} 휴일", "{calendar}假日";
    ZoneExample => "e.g. Asia/Taipei", "예: Asia/Seoul", "例如 Asia/Taipei";
    HoursHint => "Hours are ranges like 09:00-12:00, 13:00-18:00 (a lunch break is the gap); empty means closed. Holidays are closed all day.",
        "업무 시간은 09:00-12:00, 13:00-18:00처럼 범위로 입력합니다(점심시간은 두 범위 사이의 공백). 비워 두면 휴무이며, 휴일은 하루 종일 휴무입니다.",
        "上班時間以 09:00-12:00, 13:00-18:00 這樣的區間輸入（午休即兩段之間的空檔）；留空表示休息。假日全天休息。";
    RemoveCalendar => "Remove {calendar}", "{calendar} 삭제", "移除{calendar}";
    Monday => "Monday", "월요일", "星期一";
    Tuesday => "Tuesday", "화요일", "星期二";
    Wednesday => "Wednesday", "수요일", "星期三";
    Thursday => "Thursday", "목요일", "星期四";
    Friday => "Friday", "금요일", "星期五";
    Saturday => "Saturday", "토요일", "星期六";
    Sunday => "Sunday", "일요일", "星期日";
    CalendarNeedsName => "A calendar needs a name.", "캘린더 이름을 입력하세요.", "行事曆需要名稱。";
    CalendarNameTaken => "Another calendar is already called “{name}”.", "“{name}” 캘린더가 이미 있습니다.", "已有名為「{name}」的行事曆。";
    CalendarGone => "This calendar no longer exists.", "이 캘린더는 더 이상 없습니다.", "這個行事曆已不存在。";
    CalendarInUse => "{tiers} still use this calendar; pick another for them first.",
        "{tiers} 등급이 아직 이 캘린더를 사용하고 있습니다. 먼저 다른 캘린더를 지정하세요.",
        "{tiers}仍在使用這個行事曆；請先為它們選擇其他行事曆。";
    UnknownTimeZone => "\"{zone}\" is not a time zone this browser knows; pick one from the list, such as Asia/Taipei.",
        "\"{zone}\"은(는) 이 브라우저가 알 수 없는 시간대입니다. 목록에서 Asia/Seoul 같은 시간대를 고르세요.",
        "此瀏覽器不認得「{zone}」這個時區；請從清單中選擇，例如 Asia/Taipei。";
    CalendarNeverOpen => "Calendar \"{name}\" is never open.", "\"{name}\" 캘린더에 업무 시간이 없습니다.", "行事曆「{name}」沒有任何上班時間。";
    CalendarFallsBack => "{problem} Using 24x7 instead.", "{problem} 대신 24시간 연중무휴로 계산합니다.", "{problem}改以全年無休 24 小時計算。";
    TierCalendarMissing => "{tier} names calendar \"{name}\", which does not exist; using 24x7.",
        "{tier} 등급에 지정된 \"{name}\" 캘린더가 없어 24시간 연중무휴로 계산합니다.",
        "{tier}指定的行事曆「{name}」不存在；改以全年無休 24 小時計算。";
    NotAHoursRange => "“{part}” is not a range like 09:00-12:00.", "“{part}”은(는) 09:00-12:00 형식의 범위가 아닙니다.",
        "「{part}」不是 09:00-12:00 這樣的區間。";
    RangeEndsBeforeStart => "“{part}” ends before it starts.", "“{part}”의 종료 시각이 시작 시각보다 이릅니다.", "「{part}」的結束時間早於開始時間。";
    NotADate => "“{part}” is not a date like 2026-04-03.", "“{part}”은(는) 2026-04-03 형식의 날짜가 아닙니다.",
        "「{part}」不是 2026-04-03 這樣的日期。";
    ComplianceHeading => "SLA compliance report", "SLA 준수 보고서", "SLA 達成報告";
    ComplianceIntro => "Share of targets met among those settled in the range: a met target counts on the day it stopped, a breached one on the day of its deadline.",
        "기간 안에 확정된 목표 중 달성한 비율입니다. 달성한 목표는 충족된 날, 위반한 목표는 기한일에 집계됩니다.",
        "期間內已確定結果的目標中達成的比例：達成的目標計入達成當天，逾期的目標計入期限當天。";
    ToInclusive => "To (inclusive)", "종료일(포함)", "結束日期（含當天）";
    TargetsMetCaption => "Targets met per tier and target", "서비스 등급 및 목표별 달성률", "各服務等級與目標的達成率";
    AllTargets => "All targets", "전체 목표", "所有目標";
    AllTiers => "All tiers", "전체 등급", "所有服務等級";
    MetShare => "{percent} % ({met} of {total})", "{percent}% ({total}건 중 {met}건)", "{percent}%（{total} 項中 {met} 項）";
    // Settings > Triage rules.
    RulesHeading => "Triage rules", "분류 규칙", "分級規則";
    TriageRulesIntro => "Each weight is the most points its factor can give; the score is scaled to 0–100. Changes apply when you save.",
        "가중치는 각 요소가 줄 수 있는 최대 점수이며, 점수는 0~100으로 환산됩니다. 변경 사항은 저장할 때 적용됩니다.",
        "權重是各因素最多可給的分數，總分換算為 0–100。變更會在儲存時套用。";
    RiskKeywords => "Risk keywords", "위험 키워드", "風險關鍵字";
    DistressWords => "Distress words", "불만 표현", "情緒字詞";
    ProblemsToFix => "{n} problem(s) to fix before saving.", "저장하기 전에 고쳐야 할 문제가 {n}개 있습니다.", "儲存前需修正 {n} 個問題。";
    SaveRules => "Save rules", "규칙 저장", "儲存規則";
    DiscardChanges => "Discard changes", "변경 취소", "捨棄變更";
    ResetToDefaults => "Reset to defaults", "기본값으로 재설정", "還原為預設值";
    WeightsLegend => "Weights (0–{max})", "가중치(0~{max})", "權重（0–{max}）";
    FactorWeight => "{factor} weight", "{factor} 가중치", "{factor}權重";
    FactorMatrix => "Impact x urgency", "영향도 × 긴급도", "影響程度 × 緊急程度";
    FactorTimePressure => "Time pressure", "시간 압박", "時間壓力";
    FactorKeywords => "Risk keywords", "위험 키워드", "風險關鍵字";
    FactorDistress => "Distress cues", "불만 신호", "情緒訊號";
    FactorCluster => "Similar reports", "유사 문의", "相似回報";
    MatrixLegend => "Priority matrix (impact × urgency)", "우선순위 매트릭스(영향도 × 긴급도)", "優先等級矩陣（影響程度 × 緊急程度）";
    UrgencyLevel => "Urgency {level}", "긴급도 {level}", "緊急程度{level}";
    ImpactLevel => "Impact {level}", "영향도 {level}", "影響程度{level}";
    MatrixCell => "Impact {impact}, urgency {urgency}", "영향도 {impact}, 긴급도 {urgency}", "影響程度{impact}、緊急程度{urgency}";
    KeywordsLegend => "{title} (one per line; a trailing * matches any ending)", "{title}(한 줄에 하나, 끝에 *를 붙이면 뒷부분 무관)",
        "{title}（每行一個；結尾加 * 可比對任何字尾）";
    KeywordList => "{title}, {language}", "{title} - {language} 목록", "{title}：{language}清單";
    TopTenHeading => "Top ten with these rules", "이 규칙을 적용한 상위 10건", "套用這些規則的前十名";
    NoOpenCasesPreview => "No open cases to preview.", "미리 볼 미처리 문의가 없습니다.", "沒有可預覽的未結案件。";
    MovedNew => "new", "신규", "新";
    WeightOutOfRange => "{factor} weight is {weight}; use 0 to {max}.", "{factor} 가중치가 {weight}입니다. 0~{max} 사이로 입력하세요.",
        "{factor}權重為 {weight}；請使用 0 到 {max}。";
    AllWeightsZero => "Give at least one factor a weight above 0, or every case scores 0.",
        "적어도 한 요소에 0보다 큰 가중치를 주세요. 그렇지 않으면 모든 문의가 0점이 됩니다.",
        "請至少給一個因素大於 0 的權重，否則所有案件都會是 0 分。";
    MatrixInverted => "{impact} impact / {urgency} urgency is {here}, less urgent than {other} for {other_impact} impact / {other_urgency} urgency; a higher impact or urgency should not get a lower priority.",
        "영향도 {impact} / 긴급도 {urgency}가 {here}로, 영향도 {other_impact} / 긴급도 {other_urgency}의 {other}보다 낮습니다. 영향도나 긴급도가 높을수록 우선순위가 낮아지면 안 됩니다.",
        "影響程度{impact} / 緊急程度{urgency}為 {here}，低於影響程度{other_impact} / 緊急程度{other_urgency}的 {other}；影響程度或緊急程度較高時，優先等級不應較低。";
    KeywordEmpty => "Entry {n} is empty; type a word or remove it.", "{n}번째 항목이 비어 있습니다. 단어를 입력하거나 삭제하세요.",
        "第 {n} 項是空的；請輸入字詞或將其刪除。";
    KeywordTooLong => "\"{keyword}\" is too long; keep keywords to {max} characters.", "\"{keyword}\"이(가) 너무 깁니다. 키워드는 {max}자 이내로 입력하세요.",
        "「{keyword}」太長；關鍵字請在 {max} 個字元以內。";
    KeywordRepeatedHere => "\"{keyword}\" is already entry {n} of this list.", "\"{keyword}\"은(는) 이미 이 목록의 {n}번째 항목입니다.",
        "「{keyword}」已是此清單的第 {n} 項。";
    KeywordRepeatedThere => "\"{keyword}\" is already entry {n} of the {list} list.", "\"{keyword}\"은(는) 이미 {list} 목록의 {n}번째 항목입니다.",
        "「{keyword}」已是{list}清單的第 {n} 項。";
    // Settings > Duplicate groups and the glossary.
    GroupingHeading => "Duplicate groups", "중복 문의 그룹", "重複案件群組";
    GroupingStrictness => "Grouping strictness", "그룹화 기준", "分組嚴格程度";
    CountingGroups => "Counting groups…", "그룹 수를 세는 중…", "正在計算群組數…";
    OneGroupAtSetting => "1 group at this setting", "이 설정에서 그룹 1개", "此設定下有 1 個群組";
    GroupsAtSetting => "{n} groups at this setting", "이 설정에서 그룹 {n}개", "此設定下有 {n} 個群組";
    SurgeCount => "Surge alert: similar cases", "급증 알림: 유사 문의 수", "激增警示：相似案件數";
    SurgeWindow => "Surge alert: within minutes", "급증 알림: 기준 시간(분)", "激增警示：時間範圍（分鐘）";
    GroupingHint => "Cases group when they are far more alike than each is to the rest of the desk, so short chats, long bug reports and reports in other languages each find their own level. Move right for fewer, tighter groups, left for more, looser ones. The inbox warns when the given number of similar cases arrive within the window.",
        "문의는 데스크의 다른 문의보다 서로 훨씬 비슷할 때 그룹으로 묶이므로, 짧은 채팅, 긴 버그 신고, 다른 언어로 된 문의도 각자에 맞는 기준으로 묶입니다. 오른쪽으로 옮기면 더 적고 촘촘한 그룹이, 왼쪽으로 옮기면 더 많고 느슨한 그룹이 만들어집니다. 지정한 시간 안에 유사 문의가 지정한 수만큼 들어오면 받은 문의함에서 알려 드립니다.",
        "案件彼此的相似程度遠高於與其他案件的相似程度時才會分成一組，因此簡短的對話、冗長的錯誤回報和其他語言的回報，都會依各自的程度分組。往右移可得到較少、較緊密的群組，往左移則得到較多、較寬鬆的群組。在指定時間內收到指定數量的相似案件時，收件匣會發出警示。";
    StrictnessDefault => "Default: set by how alike this desk's cases are", "기본값: 이 데스크 문의들의 유사도에 맞춰 자동 설정",
        "預設：依此工作台案件的相似程度自動設定";
    StrictnessStricter => "Stricter: cases must be {change} % more alike than by default", "엄격하게: 기본값보다 {change}% 더 비슷해야 묶임",
        "較嚴格：案件須比預設相似 {change}%";
    StrictnessLooser => "Looser: cases may be {change} % less alike than by default", "느슨하게: 기본값보다 {change}% 덜 비슷해도 묶임",
        "較寬鬆：案件可比預設少相似 {change}%";
    SettingsTitle => "Settings", "설정", "設定";
    HolidaysExample => "2026-04-03, 2026-12-25", "2026-04-03, 2026-12-25", "2026-04-03, 2026-12-25";
    DayClosed => "closed", "휴무", "休息";
    Edit => "Edit", "편집", "編輯";
    Remove => "Remove", "삭제", "移除";
    // Settings > Support glossary.
    GlossaryHeading => "Support glossary", "고객지원 용어집", "客服詞彙表";
    GlossaryIntro => "Each concept lists its words in English, Korean and Traditional Chinese. Cases that use any of a concept's words share it, so reports of one problem in different languages are found as similar and grouped.",
        "각 개념에는 영어, 한국어, 중국어 번체 단어가 들어 있습니다. 같은 개념의 단어를 쓴 문의는 그 개념을 공유하는 것으로 보므로, 서로 다른 언어로 들어온 같은 문제의 문의도 유사 문의로 찾아 그룹으로 묶습니다.",
        "每個概念都列出它的英文、韓文與繁體中文字詞。使用同一概念任一字詞的案件即視為共享該概念，因此以不同語言回報的同一個問題也能被找出為相似案件並分成一組。";
    GlossaryBuiltin => "Built-in glossary: {n} concepts.", "기본 용어집: 개념 {n}개.", "內建詞彙表：{n} 個概念。";
    GlossaryEdited => "Edited glossary: {n} concepts.", "편집한 용어집: 개념 {n}개.", "已編輯的詞彙表：{n} 個概念。";
    GlossaryProblems => "These lines are left out of grouping until they are fixed:", "다음 줄은 고칠 때까지 그룹화에 쓰이지 않습니다:",
        "以下各行修正前不會用於分組：";
    GlossaryLineProblem => "Line {n}: {problem}", "{n}번째 줄: {problem}", "第 {n} 行：{problem}";
    GlossaryEnglishForms => "English words", "영어 단어", "英文字詞";
    GlossaryKoreanForms => "Korean words", "한국어 단어", "韓文字詞";
    GlossaryChineseForms => "Traditional Chinese words", "중국어 번체 단어", "繁體中文字詞";
    GlossaryFormHint => "Separate words with commas; the first English word names the concept. English words are single words (“log in” is written “login”); Korean and Chinese words are also found inside longer words.",
        "단어는 쉼표로 구분하고, 첫 번째 영어 단어가 개념의 이름이 됩니다. 영어는 한 단어로 입력하세요(“log in”은 “login”). 한국어와 중국어 단어는 더 긴 단어 안에서도 찾습니다.",
        "字詞以逗號分隔；第一個英文字詞即為概念名稱。英文請輸入單一個字（“log in” 寫成 “login”）；韓文與中文字詞在較長的詞中也會被找到。";
    AddConceptLegend => "Add a concept", "개념 추가", "新增概念";
    EditConceptLegend => "Edit the concept", "개념 편집", "編輯概念";
    AddConcept => "Add concept", "개념 추가", "新增概念";
    SaveConcept => "Save concept", "개념 저장", "儲存概念";
    ResetGlossary => "Reset to the built-in glossary", "기본 용어집으로 재설정", "還原為內建詞彙表";
    FindConcept => "Find a concept", "개념 찾기", "搜尋概念";
    EditConcept => "Edit {name}", "{name} 편집", "編輯「{name}」";
    RemoveConcept => "Remove {name}", "{name} 삭제", "移除「{name}」";
    GlossaryThreeParts => "“{line}” needs three parts separated by |: English | Korean | Traditional Chinese.",
        "“{line}”은(는) |로 구분한 세 부분(영어 | 한국어 | 중국어 번체)이 있어야 합니다.",
        "「{line}」需要以 | 分隔的三個部分：英文 | 韓文 | 繁體中文。";
    GlossaryEmptyPart => "The {language} part has no words.", "{language} 부분에 단어가 없습니다.", "{language}部分沒有任何字詞。";
    GlossaryNotOneWord => "“{form}” is not one English word: use letters and digits only (“log in” is written “login”).",
        "“{form}”은(는) 영어 한 단어가 아닙니다. 영문자와 숫자만 쓰세요(“log in”은 “login”).",
        "「{form}」不是單一英文字：請只使用英文字母與數字（“log in” 寫成 “login”）。";
    GlossaryWrongScript => "“{form}” is not written in {language}.", "“{form}”은(는) {language}로 쓰여 있지 않습니다.",
        "「{form}」不是以{language}書寫。";
    GlossaryNamedTwice => "The concept “{name}” is already on line {n}.", "“{name}” 개념은 이미 {n}번째 줄에 있습니다.",
        "概念「{name}」已在第 {n} 行。";
    // Settings > Incident updates: cadence and the recovery plan template.
    IncidentUpdates => "Incident updates", "장애 업데이트", "事件進度更新";
    UpdateCadence => "Update cadence", "업데이트 주기", "更新頻率";
    CadenceHint => "Minutes between status updates while an incident is open, by its impact. A new cadence applies from each incident's next update.",
        "장애가 진행 중일 때 영향도별로 상태 업데이트를 보내는 간격(분)입니다. 바뀐 주기는 각 장애의 다음 업데이트부터 적용됩니다.",
        "事件處理期間依影響程度發送狀態更新的間隔（分鐘）。新的頻率會從各事件的下一次更新開始套用。";
    CadenceCritical => "Critical: minutes between updates", "심각: 업데이트 간격(분)", "嚴重：更新間隔（分鐘）";
    CadenceMajor => "Major: minutes between updates", "중대: 업데이트 간격(분)", "重大：更新間隔（分鐘）";
    CadenceMinor => "Minor: minutes between updates", "경미: 업데이트 간격(분)", "輕微：更新間隔（分鐘）";
    PlanTemplate => "Recovery plan template", "복구 계획 템플릿", "復原計畫範本";
    PlanTemplateHint => "Every new incident's recovery plan starts with these steps. Resolving with a required step open asks for a reason.",
        "새 장애의 복구 계획은 이 단계로 시작합니다. 필수 단계가 남아 있는 상태로 해결하려면 사유를 입력해야 합니다.",
        "每個新事件的復原計畫都會從這些步驟開始。若仍有必要步驟未完成就要結案，需填寫原因。";
    PlanName => "Plan name", "계획 이름", "計畫名稱";
    StepNumber => "Step {n}", "{n}단계", "步驟 {n}";
    StepRequired => "Required", "필수", "必要";
    MoveStepUp => "Move “{step}” up", "“{step}” 위로 이동", "將「{step}」上移";
    MoveStepDown => "Move “{step}” down", "“{step}” 아래로 이동", "將「{step}」下移";
    RemoveStep => "Remove “{step}”", "“{step}” 삭제", "移除「{step}」";
    NewStep => "New step", "새 단계", "新步驟";
    AddStep => "Add step", "단계 추가", "新增步驟";
    // Settings > Status-update templates.
    UpdateTemplates => "Status-update templates", "상태 업데이트 템플릿", "狀態更新範本";
    TemplatesIntro => "Messages for each audience and stage of an incident, in English, Korean and Traditional Chinese. Placeholders such as {{workaround}} are filled in from the incident when an update is written.",
        "장애의 대상과 단계별 안내 문구(영어, 한국어, 중국어 번체)입니다. {{workaround}} 같은 자리 표시자는 업데이트를 작성할 때 장애 정보로 채워집니다.",
        "依事件的對象與階段準備的訊息（英文、韓文、繁體中文）。撰寫進度更新時，{{workaround}} 等預留位置會以事件資料填入。";
    FilterTemplates => "Filter templates", "템플릿 필터", "篩選範本";
    TemplateAudience => "Audience", "대상", "對象";
    TemplateStage => "Stage", "단계", "階段";
    TemplateLanguage => "Written in", "템플릿 언어", "範本語系";
    AudienceFrontline => "Frontline agents", "현장 상담원", "第一線客服人員";
    AudienceExecutives => "Executives", "경영진", "主管";
    AudienceEngineering => "Engineering", "개발팀", "工程團隊";
    TemplatesShown => "{n} templates", "템플릿 {n}개", "{n} 個範本";
    TemplateOwn => "Custom", "사용자 템플릿", "自訂";
    TemplateEdited => "Edited", "편집됨", "已編輯";
    BuiltinTemplateName => "{audience}: {stage} ({language})", "{audience}: {stage}({language})", "{audience}：{stage}（{language}）";
    CopyOf => "{name} (copy)", "{name}(사본)", "{name}（副本）";
    PickTemplate => "Choose a template to edit it.", "편집할 템플릿을 고르세요.", "請選擇要編輯的範本。";
    TemplateName => "Name", "이름", "名稱";
    ReaderZone => "Reader's time zone", "수신자 시간대", "讀者時區";
    TemplateSubject => "Subject", "제목", "主旨";
    TemplateBody => "Message", "본문", "內文";
    ShowInText => "Show", "위치 보기", "顯示位置";
    SaveTemplate => "Save template", "템플릿 저장", "儲存範本";
    NewFromTemplate => "New from this template", "이 템플릿으로 새로 만들기", "以此範本建立新範本";
    ResetTemplate => "Reset to built-in", "기본 문구로 재설정", "還原為內建內容";
    DeleteTemplate => "Delete template", "템플릿 삭제", "刪除範本";
    DeleteTemplateQuestion => "Delete “{name}”? This cannot be undone.", "“{name}”을(를) 삭제할까요? 되돌릴 수 없습니다.",
        "要刪除「{name}」嗎？刪除後無法復原。";
    FixPlaceholdersFirst => "Fix the marked placeholders to save.", "표시된 자리 표시자를 고쳐야 저장할 수 있습니다.", "請先修正標示的預留位置才能儲存。";
    PlaceholdersHeading => "Placeholders", "자리 표시자", "預留位置";
    PlaceholdersHint => "Choose one to put it where the cursor is in the subject or message.", "선택하면 제목이나 본문의 커서 위치에 넣습니다.",
        "選擇後會插入主旨或內文中游標所在的位置。";
    PreviewWithSample => "Preview with a sample incident", "샘플 장애로 미리 보기", "以範例事件預覽";
    PlaceholderIncidentId => "The incident's id, e.g. INC-4", "장애 ID(예: INC-4)", "事件編號，例如 INC-4";
    PlaceholderIncidentTitle => "The incident's title (internal wording: keep it out of customer messages)",
        "장애 제목(내부용 표현이므로 고객 안내문에는 쓰지 마세요)", "事件標題（內部用語：請勿用於給客戶的訊息）";
    PlaceholderIncidentStatus => "Investigating, Identified, Monitoring or Resolved, in the template's language",
        "조사 중, 원인 확인, 모니터링 중, 해결됨 중 하나(템플릿 언어로)", "調查中、已找到原因、觀察中或已解決（以範本語言顯示）";
    PlaceholderIncidentImpact => "None, Minor, Major or Critical, in the template's language",
        "없음, 경미, 중대, 심각 중 하나(템플릿 언어로)", "無、輕微、重大或嚴重（以範本語言顯示）";
    PlaceholderStartedAt => "When the incident started, in the template's time zone", "장애 발생 시각(템플릿 시간대 기준)",
        "事件開始時間（以範本時區顯示）";
    PlaceholderDuration => "How long it has lasted (until resolved)", "지속 시간(해결 시점까지)", "持續時間（至解決為止）";
    PlaceholderCases => "Number of linked cases", "연결된 문의 수", "已連結的案件數";
    PlaceholderCustomers => "Number of distinct customers", "영향받은 고객 수(중복 제외)", "受影響的客戶數（不重複）";
    PlaceholderPeople => "People affected: the sum of the cases' counts", "영향받은 사용자 수(문의별 인원 합계)", "受影響人數：各案件人數的總和";
    PlaceholderTiers => "The tiers affected, highest first", "영향받은 서비스 등급(높은 등급부터)", "受影響的服務等級（由高至低）";
    PlaceholderSurfaces => "The affected surfaces set on the incident, else those of its cases",
        "장애에 지정한 영향 범위(없으면 연결된 문의의 발생 경로)", "事件上設定的受影響範圍，未設定時使用案件的發生管道";
    PlaceholderWorkaround => "The workaround, or a sentence saying there is none yet", "임시 해결 방법(없으면 아직 없다는 안내 문장)",
        "替代方案，若尚無則顯示說明尚無的句子";
    PlaceholderNextUpdate => "When the next update is due after this one (needs an impact)", "다음 업데이트 예정 시각(영향도 필요)",
        "下次更新的預定時間（需設定影響程度）";
    PlaceholderDataLoss => "Whether customer data was lost (must be set on the incident)", "고객 데이터 손실 여부(장애에서 지정 필요)",
        "客戶資料是否遺失（須在事件上設定）";
    PlaceholderMe => "Your display name", "내 표시 이름", "您的顯示名稱";
    PlaceholderMisspelt => "{found} is not a placeholder. Did you mean {name}?", "{found}은(는) 자리 표시자가 아닙니다. {name}을(를) 쓰려고 하셨나요?",
        "{found} 不是預留位置。您是要輸入 {name} 嗎？";
    PlaceholderUnknown => "{found} is not a placeholder.", "{found}은(는) 자리 표시자가 아닙니다.", "{found} 不是預留位置。";
    PlaceholderUnclosed => "{found} has no closing }}.", "{found}에 닫는 }}가 없습니다.", "{found} 缺少結尾的 }}。";
    PlaceholderNoValue => "{found} has no value yet: {what}.", "{found}에 아직 값이 없습니다: {what}.", "{found} 尚無值：{what}。";
    PlaceholderNeedsDataLoss => "say on the incident whether any data was lost", "장애에서 데이터 손실 여부를 지정하세요",
        "請在事件上註明是否有資料遺失";
    PlaceholderNoUpdateOwed => "a resolved incident owes no further update", "해결된 장애는 더 이상 업데이트가 필요 없습니다",
        "已解決的事件不需要再發送更新";
    PlaceholderNeedsImpact => "set the incident's impact, which sets the update cadence", "업데이트 주기를 정하는 장애 영향도를 지정하세요",
        "請設定事件的影響程度，以決定更新頻率";

    // Moving cases in and out.
    ExportJson => "Export JSON", "JSON 내보내기", "匯出 JSON";
    ExportCsv => "Export CSV", "CSV 내보내기", "匯出 CSV";
    ExportCsvView => "Export CSV (this view)", "CSV 내보내기(현재 보기)", "匯出 CSV（目前檢視）";
    ExportCsvAll => "Export CSV (all cases)", "CSV 내보내기(전체 문의)", "匯出 CSV（所有案件）";
    Import => "Import", "가져오기", "匯入";
    DropToImport => "Drop a CSV or JSON file to import it", "CSV 또는 JSON 파일을 끌어다 놓아 가져오세요",
        "將 CSV 或 JSON 檔案拖放到這裡即可匯入";
    QuickAdd => "Quick add", "빠른 추가", "快速新增";
    PasteCases => "Paste cases", "문의 붙여넣기", "貼上案件";
    PastePlaceholder => "One case per line: the title, then a tab and a description if you like",
        "한 줄에 문의 하나: 제목, 필요하면 탭 뒤에 설명", "每行一筆案件：先寫標題，需要時再按 Tab 鍵加上說明";
    PasteHint => "One case per line, or rows copied from a spreadsheet (a first row of column names is recognised). You will see what would be added before anything is saved.",
        "한 줄에 문의 하나씩 입력하거나 스프레드시트에서 행을 복사해 붙여넣으세요(첫 행의 열 이름도 인식합니다). 저장하기 전에 추가될 내용을 먼저 보여 드립니다.",
        "每行一筆案件，或貼上從試算表複製的列（可辨識第一列的欄位名稱）。儲存之前會先顯示將新增的內容。";
    PastedRows => "pasted rows", "붙여넣은 행", "貼上的資料列";

    // Import review.
    ImportReview => "Import review", "가져오기 검토", "匯入檢查";
    ImportTitle => "Import {name}", "{name} 가져오기", "匯入 {name}";
    ReadingFile => "Reading the file", "파일 읽는 중", "正在讀取檔案";
    ReadRows => "Read {rows} rows ({done} of {total} MB).", "{rows}행 읽음({total}MB 중 {done}MB).",
        "已讀取 {rows} 列（{total} MB 中的 {done} MB）。";
    CheckingRows => "Checking rows against your cases", "기존 문의와 대조하는 중", "正在與現有案件比對";
    RowsChecked => "Checking rows against your cases: {done} of {total} rows checked.",
        "기존 문의와 대조하는 중: {total}행 중 {done}행 확인.", "正在與現有案件比對：已檢查 {total} 列中的 {done} 列。";
    ImportingCases => "Importing cases", "문의 가져오는 중", "正在匯入案件";
    RowsImported => "Importing cases: {done} of {total} rows imported.", "문의 가져오는 중: {total}행 중 {done}행 완료.",
        "正在匯入案件：已匯入 {total} 列中的 {done} 列。";
    SavingImported => "Saving {cases} cases in this browser's storage. Keep this page open until it says Imported.",
        "문의 {cases}건을 이 브라우저에 저장하는 중입니다. ‘가져오기 완료’가 표시될 때까지 이 페이지를 열어 두세요.",
        "正在將 {cases} 筆案件儲存到此瀏覽器。顯示「已匯入」之前，請勿關閉此頁面。";
    ImportedSummary => "Imported: {added} added, {updated} updated, {unchanged} unchanged.",
        "가져오기 완료: {added}건 추가, {updated}건 업데이트, {unchanged}건 변경 없음.",
        "已匯入：新增 {added} 筆、更新 {updated} 筆、{unchanged} 筆未變更。";
    ImportRowsLeftOut => "{n} rows with errors were left out.", "오류가 있는 {n}행은 제외했습니다.", "有錯誤的 {n} 列未匯入。";
    ImportNotSavedYet => "They are not saved yet: see the message at the top of the page.",
        "아직 저장되지 않았습니다. 페이지 상단의 안내를 확인하세요.", "尚未儲存：請查看頁面頂端的訊息。";
    CannotImport => "This file cannot be imported: {reason}", "이 파일은 가져올 수 없습니다: {reason}", "無法匯入此檔案：{reason}";
    NothingChanged => "Nothing was changed.", "아무것도 변경되지 않았습니다.", "沒有任何變更。";
    FormatLead => "Format: ", "형식: ", "格式：";
    WhatImportWillDo => "What the import will do", "가져오기 결과 미리 보기", "匯入後的結果";
    ToAdd => "to add", "추가", "新增";
    ToUpdate => "to update", "업데이트", "更新";
    Unchanged => "unchanged", "변경 없음", "未變更";
    WithErrors => "with errors", "오류", "有錯誤";
    ImportCounts => "{add} new cases will be added, {update} cases already here will be updated, {unchanged} are unchanged, and {errors} rows have errors.",
        "새 문의 {add}건이 추가되고, 기존 문의 {update}건이 업데이트되며, {unchanged}건은 그대로이고, {errors}행에 오류가 있습니다.",
        "將新增 {add} 筆案件、更新 {update} 筆現有案件，{unchanged} 筆維持不變，另有 {errors} 列有錯誤。";
    CountIncidents => "{n} incidents", "장애 {n}건", "{n} 個事件";
    CountMerges => "{n} merges", "병합 {n}건", "{n} 筆合併";
    CountUndoneMerges => "{n} undone merges", "취소된 병합 {n}건", "{n} 筆已復原的合併";
    CountNotDuplicatePairs => "{n} not-duplicate pairs", "중복 아님 표시 {n}쌍", "{n} 組「非重複」標記";
    ImportBrings => "The file also brings {records}; they are merged with yours as another tab's changes are.",
        "이 파일에는 {records}도 들어 있으며, 다른 탭의 변경 사항처럼 기존 데이터와 병합됩니다.",
        "此檔案另外包含 {records}，會像其他分頁的變更一樣與您的資料合併。";
    UseFileSettings => "Also use the file's settings (display name “{name}”)", "파일의 설정도 사용(표시 이름 “{name}”)",
        "一併套用檔案中的設定（顯示名稱「{name}」）";
    ImportCases => "Import cases", "문의 가져오기", "匯入案件";
    RowsNotImported => "Rows that will not be imported", "가져오지 않을 행", "不會匯入的資料列";
    AndMore => "…and {n} more.", "…외 {n}건.", "…還有 {n} 筆。";
    WorthKnowing => "Worth knowing", "참고 사항", "注意事項";
    OneRow => "(1 row)", "(1행)", "（1 列）";
    NRows => "({n} rows)", "({n}행)", "（{n} 列）";
    Columns => "Columns", "열", "欄位";
    ColumnInFile => "Column in the file", "파일의 열", "檔案中的欄位";
    Examples => "Examples", "예시", "範例";
    UseAs => "Use as", "용도", "用途";
    UseColumnAs => "Use column {name} as", "{name} 열의 용도", "{name} 欄位的用途";
    KeepAsExtra => "Keep as extra column", "추가 열로 보관", "保留為額外欄位";
    Ignore => "Ignore", "무시", "忽略";
    FirstRows => "First rows", "첫 행", "前幾列";
    FirstRowsOf => "First {shown} of {total} rows", "전체 {total}행 중 처음 {shown}행", "共 {total} 列中的前 {shown} 列";
    Row => "Row", "행", "列";
    Action => "Action", "처리", "動作";
    Id => "Id", "ID", "ID";
    ActionAdd => "Add", "추가", "新增";
    ActionUpdate => "Update", "업데이트", "更新";
    ActionUnchanged => "Unchanged", "변경 없음", "未變更";
    RowLine => "line {n}", "{n}번째 줄", "第 {n} 行";
    RowItem => "item {n}", "{n}번째 항목", "第 {n} 項";
    RowRecord => "record {n}", "{n}번째 레코드", "第 {n} 筆紀錄";
    RowRecordCase => "record {n}, case {case}", "{n}번째 레코드의 {case}번째 문의", "第 {n} 筆紀錄的第 {case} 筆案件";
    FormatZendesk => "Zendesk tickets (CSV)", "Zendesk 티켓(CSV)", "Zendesk 工單（CSV）";
    FormatJira => "Jira issues (CSV)", "Jira 이슈(CSV)", "Jira 議題（CSV）";
    FormatFreshdesk => "Freshdesk tickets (CSV)", "Freshdesk 티켓(CSV)", "Freshdesk 工單（CSV）";
    FormatGitHub => "GitHub issues (JSON)", "GitHub 이슈(JSON)", "GitHub 議題（JSON）";
    FormatOwnJson => "Triage Desk export (JSON)", "Triage Desk 내보내기 파일(JSON)", "Triage Desk 匯出檔（JSON）";
    FormatOwnCsv => "Triage Desk export (CSV)", "Triage Desk 내보내기 파일(CSV)", "Triage Desk 匯出檔（CSV）";
    FormatOwnBackup => "Triage Desk unreadable-data backup", "Triage Desk 읽을 수 없는 데이터 백업",
        "Triage Desk 無法讀取資料的備份";
    FormatCsv => "CSV", "CSV", "CSV";
    FormatPasted => "Pasted rows", "붙여넣은 행", "貼上的資料列";
    TargetCaseId => "Triage Desk id", "Triage Desk ID", "Triage Desk ID";
    TargetExternalId => "External id", "외부 ID", "外部 ID";
    TargetCreated => "Created", "생성일", "建立時間";
    TargetUpdated => "Updated", "수정일", "更新時間";
    TargetFirstResponse => "First response", "첫 응답", "首次回覆";
    TargetResolved => "Resolved", "해결일", "解決時間";
    NewVersionReady => "A new version is ready.", "새 버전이 준비되었습니다.", "新版本已準備好。";
    ReloadNewVersion => "Reload", "새로고침", "重新載入";
    RatingGood => "Good", "만족", "滿意";
    RatingBad => "Bad", "불만족", "不滿意";
    FieldStepsToReproduce => "Steps to reproduce", "재현 단계", "重現步驟";
    FieldExpected => "Expected result", "기대 결과", "預期結果";
    FieldActual => "Actual result", "실제 결과", "實際結果";
    FieldAppVersion => "App version", "앱 버전", "App 版本";
    FieldPlatform => "Platform", "플랫폼", "平台";
    FieldBrowser => "Browser", "브라우저", "瀏覽器";
    FieldReferenceIds => "Order or account ids", "주문 또는 계정 ID", "訂單或帳號 ID";
    FieldTried => "Already tried", "이미 시도한 조치", "已嘗試的處理";
    ViaGlossary => "Via glossary:", "용어집 대응:", "經由詞彙表：";
    TargetSatisfaction => "Satisfaction", "고객 만족도", "滿意度";
    TargetSatisfactionComment => "Satisfaction comment", "만족도 의견", "滿意度意見";

    // Why a file cannot be imported.
    ImportEmpty => "The file is empty.", "파일이 비어 있습니다.", "檔案是空的。";
    ImportTooLarge => "The file is {size} MB; an import takes {kind} of up to {limit} MB. Split it into smaller files and import each.",
        "파일 크기가 {size}MB입니다. {kind} 최대 {limit}MB까지 가져올 수 있습니다. 작은 파일로 나눠 각각 가져오세요.",
        "檔案大小為 {size} MB；匯入的{kind}上限為 {limit} MB。請分割成較小的檔案後分別匯入。";
    ImportKindCsv => "a CSV or GitHub file", "CSV 또는 GitHub 파일은", "CSV 或 GitHub 檔案";
    ImportKindAny => "any file", "파일은", "任何檔案";
    ImportUtf16 => "The file is UTF-16 ({order}) text, which this importer does not read. Open it in a spreadsheet or text editor and save it as \"CSV UTF-8\", then import it again.",
        "UTF-16({order}) 텍스트 파일은 읽을 수 없습니다. 스프레드시트나 텍스트 편집기에서 열어 \"CSV UTF-8\"로 저장한 뒤 다시 가져오세요.",
        "此檔案是 UTF-16（{order}）文字，無法匯入。請用試算表或文字編輯器開啟，另存為「CSV UTF-8」後再匯入。";
    ImportBinary => "This is {what}; import a CSV or JSON export instead.", "이 파일은 {what}입니다. CSV나 JSON 내보내기 파일을 가져오세요.",
        "這是{what}；請改為匯入 CSV 或 JSON 匯出檔。";
    ImportNotUtf8 => "The file is not UTF-8 text from line {line} (byte {offset}) on.{guess} Open it in a spreadsheet or text editor and save it as \"CSV UTF-8\", then import it again.",
        "{line}번째 줄({offset}바이트)부터 UTF-8 텍스트가 아닙니다.{guess} 스프레드시트나 텍스트 편집기에서 열어 \"CSV UTF-8\"로 저장한 뒤 다시 가져오세요.",
        "從第 {line} 行（第 {offset} 位元組）起不是 UTF-8 文字。{guess}請用試算表或文字編輯器開啟，另存為「CSV UTF-8」後再匯入。";
    ImportLooksKorean => " It looks like Korean text in CP949/EUC-KR.", " CP949/EUC-KR 인코딩의 한국어 텍스트로 보입니다.",
        "看起來是 CP949/EUC-KR 編碼的韓文文字。";
    ImportLooksBig5 => " It looks like Chinese text in Big5.", " Big5 인코딩의 중국어 텍스트로 보입니다.", "看起來是 Big5 編碼的中文文字。";
    ImportLooksShiftJis => " It looks like Japanese text in Shift-JIS.", " Shift-JIS 인코딩의 일본어 텍스트로 보입니다.",
        "看起來是 Shift-JIS 編碼的日文文字。";
    ImportBrokenJson => "The JSON is broken at line {line}, column {column}: {reason}.",
        "JSON이 {line}번째 줄 {column}번째 칸에서 깨졌습니다: {reason}.", "JSON 在第 {line} 行第 {column} 欄有誤：{reason}。";
    ImportOwnExportUnreadable => "The Triage Desk export could not be read: {reason}.",
        "Triage Desk 내보내기 파일을 읽을 수 없습니다: {reason}.", "無法讀取 Triage Desk 匯出檔：{reason}。";
    ImportNotCases => "This file holds {what}, not cases.", "이 파일에는 문의가 아니라 {what}이(가) 들어 있습니다.",
        "此檔案內容是{what}，而不是案件。";
    ImportUnknownJson => "This JSON is neither a list of GitHub issues nor a Triage Desk export.",
        "이 JSON은 GitHub 이슈 목록도 Triage Desk 내보내기 파일도 아닙니다.", "此 JSON 既不是 GitHub 議題清單，也不是 Triage Desk 匯出檔。";
    ImportNoColumnNames => "The first row has no column names.", "첫 행에 열 이름이 없습니다.", "第一列沒有欄位名稱。";

    // The incident page: compose, recovery plan, outreach, hand-off, postmortem.
    PmTitle => "Postmortem: {id} {title}", "사후 분석 보고서: {id} {title}", "事後檢討報告：{id} {title}";
    PmImpact => "Impact", "영향 범위", "影響範圍";
    PmMeasure => "Measure", "항목", "項目";
    PmValue => "Value", "내용", "內容";
    PmStarted => "Started", "발생 시각", "發生時間";
    PmResolved => "Resolved", "해결 시각", "解決時間";
    PmStillOpen => "Still open at", "집계 시각 (진행 중)", "統計時間（仍在處理中）";
    PmTimeIn => "Time in {status}", "{status} 단계 소요 시간", "{status}階段歷時";
    PmSlaBreached => "SLA targets breached", "SLA 위반", "SLA 逾期";
    PmBreachOn => "{target} on {case}", "{case}의 {target}", "{case} 的{target}";
    PmWho => "Who", "작성자", "人員";
    PmWhat => "What", "내용", "內容";
    PmUpdateTo => "Update to {audience}: {subject}: {text}", "{audience} 대상 업데이트: {subject}: {text}", "發給{audience}的更新：{subject}：{text}";
    PmWhatHappened => "What happened", "발생 경위", "事件經過";
    PmFactors => "Contributing factors", "원인 및 기여 요인", "促成因素";
    PmWentWell => "What went well", "잘된 점", "做得好的地方";
    PmWentBadly => "What did not go well", "개선할 점", "待改進之處";
    PmToWrite => "_To be written._", "_작성 예정._", "_待填寫。_";
    PmActionItems => "Action items", "후속 조치", "後續行動項目";
    PmActionItem => "Action", "조치 사항", "行動項目";
    PmOwner => "Owner", "담당자", "負責人";
    PmDue => "Due", "기한", "期限";
    PostmortemEditedLog => "Postmortem draft edited", "사후 분석 보고서 초안 수정", "已編輯事後檢討報告草稿";
    CompileAgainQuestion => "Replace the edited draft with one compiled again from the incident? Your edits will be lost.",
        "수정한 초안을 장애 내용으로 다시 작성한 초안으로 바꿀까요? 수정한 내용은 사라집니다.",
        "要以依事件內容重新彙整的草稿取代已編輯的草稿嗎？你的編輯內容將會遺失。";
    ReplaceDraft => "Replace draft", "초안 바꾸기", "取代草稿";
    PlanBuiltInName => "Standard recovery", "표준 복구", "標準復原";
    PlanStepScope => "Scope confirmed", "영향 범위 확인", "已確認影響範圍";
    PlanStepBriefed => "Frontline agents briefed", "상담원 공유 완료", "已向第一線客服人員說明";
    PlanStepWorkaround => "Workaround published", "임시 해결 방법 안내", "已公告暫時解決方法";
    PlanStepFixDeployed => "Fix deployed", "수정 배포 완료", "已部署修正";
    PlanStepMonitoring => "Monitoring clean for the agreed time", "합의된 시간 동안 모니터링 이상 없음", "在約定時間內監控無異常";
    PlanStepContacted => "Affected customers contacted", "영향받은 고객 연락 완료", "已聯繫受影響的客戶";
    PlanStepGoodwill => "Goodwill or credits decided", "보상 또는 크레딧 결정", "已決定補償或折抵額度";
    PlanStepPostmortem => "Postmortem scheduled", "사후 분석 일정 수립", "已安排事後檢討";
    IncidentImpact => "Impact", "영향도", "影響程度";
    ImpactLevelNone => "None", "없음", "無";
    ImpactLevelMinor => "Minor", "경미", "輕微";
    ImpactLevelMajor => "Major", "중대", "重大";
    ImpactLevelCritical => "Critical", "심각", "嚴重";
    IncidentDataLoss => "Data loss", "데이터 손실", "資料遺失";
    DataLossUnknown => "Not known yet", "아직 모름", "尚未確認";
    DataLossNone => "No data lost", "손실 없음", "無資料遺失";
    DataLossSome => "Some data lost", "일부 손실", "部分資料遺失";
    IncidentSurfaces => "Affected surfaces", "영향받는 서비스 영역", "受影響的服務範圍";
    IncidentWorkaround => "Workaround", "임시 해결 방법", "暫時解決方法";
    ImpactAndCadence => "Impact and update cadence", "영향도 및 공지 주기", "影響程度與更新頻率";
    IncidentCadenceHint => "Impact sets how often an update is owed: Critical every 30 min, Major every hour, Minor every 4 h (Settings can change this). Posting an update restarts the countdown.",
        "영향도에 따라 공지 주기가 정해집니다. 심각은 30분, 중대는 1시간, 경미는 4시간마다이며 설정에서 바꿀 수 있습니다. 업데이트를 게시하면 카운트다운이 다시 시작됩니다.",
        "影響程度決定多久必須發布一次更新：嚴重每 30 分鐘、重大每小時、輕微每 4 小時（可在設定中調整）。發布更新後會重新倒數。";
    NextUpdateDue => "Next update", "다음 업데이트", "下次更新";
    NoUpdateOwed => "No update owed", "공지 의무 없음", "無需發布更新";
    UpdateOnTrack => "On track", "정상", "正常";
    UpdateDueSoon => "Due soon", "임박", "即將到期";
    UpdateOverdue => "Overdue", "기한 초과", "已逾期";
    DueIn => "due in {time}", "{time} 남음", "剩餘 {time}";
    OverdueBy => "{time} late", "{time} 지연", "逾時 {time}";
    ComposeUpdate => "Compose update", "업데이트 작성", "撰寫進度更新";
    UpdateAudience => "Audience", "수신 대상", "發送對象";
    MessageLanguage => "Message language", "메시지 언어", "訊息語言";
    UpdateTemplate => "Template", "템플릿", "範本";
    UpdateSubject => "Subject", "제목", "主旨";
    MessageText => "Message (placeholders such as {{workaround}} are filled in)", "메시지 ({{workaround}} 같은 자리표시자는 자동으로 채워집니다)",
        "訊息（{{workaround}} 等預留位置會自動填入）";
    UpdatePreview => "Update preview", "업데이트 미리 보기", "更新預覽";
    PostUpdate => "Post update", "업데이트 게시", "發布更新";
    CopyToClipboard => "Copy", "복사", "複製";
    CopyMarkdown => "Copy Markdown", "Markdown 복사", "複製 Markdown";
    CopiedUpdate => "Copied as rich and plain text.", "서식 있는 텍스트와 일반 텍스트로 복사했습니다.", "已複製為格式文字與純文字。";
    CopiedMarkdown => "Copied as Markdown.", "Markdown으로 복사했습니다.", "已複製為 Markdown。";
    CopiedHandoff => "Copied.", "복사했습니다.", "已複製。";
    CopyRefused => "The browser did not allow copying; select the text and copy it by hand.",
        "브라우저가 복사를 허용하지 않았습니다. 텍스트를 선택해 직접 복사하세요.", "瀏覽器不允許複製，請選取文字後手動複製。";
    UpdatePostedTo => "Update posted to {audience}; the countdown restarted.", "{audience} 대상 업데이트를 게시했습니다. 카운트다운이 다시 시작됩니다.",
        "已向{audience}發布更新，倒數已重新開始。";
    RecoveryPlan => "Recovery plan", "복구 계획", "復原計畫";
    RequiredStepsOpen => "Required steps still open: {n}", "남은 필수 단계: {n}개", "尚未完成的必要步驟：{n} 項";
    StartPlan => "Start the plan from the template", "템플릿으로 복구 계획 시작", "以範本建立復原計畫";
    RequiredMark => "(required)", "(필수)", "（必要）";
    RequiredStep => "Required: {step}", "필수: {step}", "必要：{step}";
    DoneByAt => "Done by {name} · {time}", "{name} 완료 · {time}", "{name} 完成 · {time}";
    ResolveIncident => "Resolve incident", "장애 해결 처리", "將事件標示為已解決";
    ResolveWithOpenSteps => "Resolve with required steps open?", "필수 단계가 남아 있는데 해결 처리할까요?", "仍有必要步驟未完成，確定要標示為已解決？";
    ResolveWithOpenStepsHint => "These required steps are not done. Say why the incident is resolved anyway; the reason is logged on the timeline.",
        "아래 필수 단계가 완료되지 않았습니다. 그래도 해결 처리하는 이유를 입력하세요. 사유는 타임라인에 기록됩니다.",
        "下列必要步驟尚未完成。請說明仍要標示為已解決的原因，原因會記錄在時間軸上。";
    ResolveReason => "Reason", "사유", "原因";
    ResolveAnyway => "Resolve anyway", "그래도 해결 처리", "仍然標示為已解決";
    AffectedCustomersHeading => "Affected customers", "영향받은 고객", "受影響客戶";
    NotContactedCount => "Not contacted yet: {n}", "미연락 고객: {n}", "尚未聯繫：{n} 位";
    ContactNote => "Contact note written on their open cases", "고객의 진행 중 문의에 남길 응대 메모", "寫入其未結案件的聯繫紀錄";
    ContactNoteDefault => "Told the customer about the ongoing incident and when the next update comes.",
        "진행 중인 장애 상황과 다음 안내 시점을 고객에게 안내함.", "已告知客戶目前的事件狀況及下次更新時間。";
    OnlyNotContacted => "Only customers not contacted yet", "미연락 고객만 보기", "只顯示尚未聯繫的客戶";
    OutreachStateHead => "Outreach", "연락 상태", "聯繫狀態";
    OutreachNotContacted => "Not contacted", "미연락", "尚未聯繫";
    OutreachContacted => "Contacted", "연락함", "已聯繫";
    OutreachReplied => "Replied", "회신 받음", "已回覆";
    OutreachNoResponse => "No response", "응답 없음", "無回應";
    OutreachFor => "Outreach to {customer}", "{customer} 연락 상태", "{customer} 的聯繫狀態";
    OutreachActions => "Actions", "작업", "操作";
    LogContact => "Log contact", "연락 기록", "記錄聯繫";
    LogContactWith => "Log contact with {customer}", "{customer} 연락 기록", "記錄聯繫：{customer}";
    CustomerNotNamed => "Customer not named", "고객명 없음", "未填客戶名稱";
    SuggestedCases => "Suggested cases", "추가 추천 문의", "建議加入的案件";
    SuggestedCasesHint => "New cases in this incident's group that it does not hold yet.", "이 장애의 그룹에 새로 들어왔지만 아직 장애에 포함되지 않은 문의입니다.",
        "此事件所屬群組中尚未加入事件的新案件。";
    AddToThisIncident => "Add", "추가", "加入";
    AddCaseNamed => "Add {title} to this incident", "{title}을(를) 이 장애에 추가", "將「{title}」加入此事件";
    AddAllSuggested => "Add all", "모두 추가", "全部加入";
    RemoveFromIncident => "Remove", "제외", "移除";
    RemoveCaseNamed => "Remove {title} from this incident", "{title}을(를) 이 장애에서 제외", "將「{title}」從此事件移除";
    EngineeringHandoff => "Engineering hand-off", "개발팀 이관", "轉交工程團隊";
    HandoffFormat => "Format", "형식", "格式";
    HandoffMarkdown => "Markdown (GitHub, GitLab)", "Markdown (GitHub·GitLab 이슈)", "Markdown（GitHub、GitLab 議題）";
    HandoffJira => "Jira wiki markup", "Jira 위키 마크업", "Jira Wiki 標記";
    HandoffPlain => "Plain text", "일반 텍스트", "純文字";
    HandoffAsk => "What engineering is asked to do", "개발팀 요청 사항", "需要工程團隊協助的事項";
    HandoffAskPlaceholder => "Find the cause and tell us the fix plan", "원인 파악 및 수정 계획 공유 요청", "找出原因並告知修正計畫";
    HandoffDue => "Needed by", "회신 기한", "需回覆時間";
    HandoffPreview => "Hand-off preview", "이관 내용 미리 보기", "轉交內容預覽";
    DownloadFile => "Download", "다운로드", "下載";
    PostmortemDraft => "Postmortem draft", "사후 분석 보고서 초안", "事後檢討報告草稿";
    PostmortemHint => "Compiled from the incident when it was resolved. Your edits are saved with the incident (and in its export); print it on A4 or download it as Markdown.",
        "장애 해결 시점의 내용으로 작성되었습니다. 수정한 내용은 장애 기록과 함께 저장되며 내보내기에도 포함됩니다. A4로 인쇄하거나 Markdown으로 다운로드하세요.",
        "依事件解決時的內容彙整而成。編輯內容會隨事件一併儲存（也包含在匯出檔中），可列印為 A4 或下載為 Markdown。";
    PostmortemText => "Draft (Markdown)", "초안 (Markdown)", "草稿（Markdown）";
    CompileAgain => "Compile again from the incident", "장애 내용으로 다시 작성", "依事件內容重新彙整";
    CasesAddedLog => "Cases added ({n}): {cases}", "문의 {n}건 추가: {cases}", "已加入 {n} 筆案件：{cases}";
    CaseRemovedLog => "Case {case} removed", "문의 {case} 제외", "已移除案件 {case}";
    FieldChangedLog => "{field} changed from {from} to {to}", "{field} 변경: {from} → {to}", "{field}由{from}改為{to}";
    UpdatePostedLog => "Update posted to {audience}: {subject}", "{audience} 대상 업데이트 게시: {subject}", "已向{audience}發布更新：{subject}";
    PlanStartedLog => "Recovery plan started from \u{201c}{template}\u{201d}; steps: {n}", "{template} 템플릿으로 복구 계획 시작 ({n}단계)",
        "以「{template}」建立復原計畫（{n} 個步驟）";
    StepLog => "Plan step {change}: {step}", "복구 단계 {change}: {step}", "復原步驟{change}：{step}";
    StepAdded => "added", "추가", "已新增";
    StepRemoved => "removed", "삭제", "已移除";
    StepMoved => "moved", "이동", "已移動";
    StepDone => "done", "완료", "已完成";
    StepNotDone => "not done", "완료 취소", "改為未完成";
    StepMadeRequired => "made required", "필수로 변경", "改為必要";
    StepMadeOptional => "made optional", "선택으로 변경", "改為選擇性";
    ResolvedWithOpenStepsLog => "Resolved with required steps open ({steps}): {reason}", "필수 단계가 남은 채 해결 처리 ({steps}): {reason}",
        "在必要步驟未完成時標示為已解決（{steps}）：{reason}";
    OutreachLog => "Outreach to {customer}: {state}", "{customer} 연락 상태: {state}", "{customer} 聯繫狀態：{state}";

    // Similar cases.
    SimilarCases => "Similar cases", "유사 문의", "相似案件";
    NoSimilarCases => "No similar open cases.", "진행 중인 유사 문의가 없습니다.", "沒有相似的未結案件。";
    TypeForSimilarCases => "Type a title to see similar open cases.", "제목을 입력하면 진행 중인 유사 문의를 보여 드립니다.",
        "輸入標題即可查看相似的未結案件。";
    HowSimilar => "How similar the text is", "내용이 얼마나 비슷한지", "內容的相似程度";
    LinkCase => "Link {title}", "{title} 연결", "連結「{title}」";
    Link => "Link", "연결", "連結";
    Linked => "Linked", "연결됨", "已連結";
    SharedWords => "Shared: ", "공통 단어: ", "共同字詞：";

    // Incidents.
    Incident => "Incident", "장애", "事件";
    Opened => "Opened", "발생 시각", "建立時間";
    NoIncidents => "No incidents yet. On {groups}, promote a group of similar cases to an incident to track one problem across its customers.",
        "아직 장애가 없습니다. {groups}에서 유사 문의 그룹을 장애로 전환하면 여러 고객에게 걸친 하나의 문제를 함께 추적할 수 있습니다.",
        "目前沒有事件。請在{groups}中將相似案件的群組升級為事件，即可追蹤影響多位客戶的同一個問題。";
    IncidentNotFound => "Incident not found", "장애를 찾을 수 없음", "找不到事件";
    NoIncident => "There is no incident {id} in this browser.", "이 브라우저에 장애 {id}이(가) 없습니다.", "此瀏覽器中沒有事件 {id}。";
    AllIncidents => "All incidents", "전체 장애", "所有事件";
    StatusAndUpdates => "Status and updates", "상태 및 업데이트", "狀態與更新";
    IncidentStatus => "Incident status", "장애 상태", "事件狀態";
    IncidentInvestigating => "Investigating", "조사 중", "調查中";
    IncidentIdentified => "Identified", "원인 파악", "已找出原因";
    IncidentMonitoring => "Monitoring", "모니터링 중", "觀察中";
    IncidentResolved => "Resolved", "해결됨", "已解決";
    Update => "Update", "업데이트", "進度更新";
    UpdatePlaceholder => "What is known, what was done…", "파악된 내용, 조치한 내용…", "目前掌握的狀況、已採取的處置…";
    AddUpdate => "Add update", "업데이트 추가", "新增進度";
    Timeline => "Timeline", "타임라인", "時間軸";
    BlastRadius => "Blast radius", "영향 범위", "影響範圍";
    Tiers => "Tiers", "서비스 등급", "服務等級";
    Surfaces => "Surfaces", "발생 경로", "發生管道";
    PeopleAffected => "People affected", "영향받은 사용자 수", "受影響人數";
    AffectedCustomers => "Affected customers: {customers}", "영향받은 고객: {customers}", "受影響客戶：{customers}";
    TiersAndSurfaces => "Tiers: {tiers} · Surfaces: {surfaces}", "서비스 등급: {tiers} · 발생 경로: {surfaces}",
        "服務等級：{tiers} · 發生管道：{surfaces}";
    LinkedCases => "Linked cases", "연결된 문의", "已連結的案件";
    PromotedFromGroup => "Promoted from a group of {n} similar cases", "유사 문의 {n}건의 그룹에서 장애로 전환",
        "由 {n} 筆相似案件的群組升級為事件";
    StatusChangedFromTo => "Status changed from {from} to {to}", "상태 변경: {from} → {to}", "狀態由「{from}」改為「{to}」";
    UpdateNote => "Update: {text}", "업데이트: {text}", "進度更新：{text}";

    // The dashboard and the report.
    UpdatingFigures => "Updating the figures\u{2026}", "지표를 다시 계산하는 중\u{2026}", "正在更新指標\u{2026}";
    FilterShown => "{field}: {value}", "{field}: {value}", "{field}：{value}";
    GroupNamed => "Duplicate group: {name}", "중복 문의 그룹: {name}", "重複案件群組：{name}";
    StillOpen => "{duration} so far, ongoing", "현재까지 {duration}, 진행 중", "至今 {duration}，仍在處理中";
    Dashboard => "Dashboard", "대시보드", "儀表板";
    Report => "Report", "보고서", "報告";
    ExportMetrics => "Export metrics", "지표 내보내기", "匯出指標";
    ToBeforeFrom => "Choose a To day on or after the From day.", "종료일은 시작일과 같거나 그 이후로 선택하세요.", "請選擇不早於開始日期的結束日期。";
    PeriodAndFilters => "Period and filters", "기간 및 필터", "期間與篩選條件";
    Period => "Period", "기간", "期間";
    ChooseDays => "Choose days", "기간 직접 선택", "自訂日期";
    FromDay => "From", "시작일", "開始日期";
    ToDay => "To", "종료일", "結束日期";
    AnyChoice => "Any", "전체", "全部";
    PresetToday => "Today", "오늘", "今天";
    PresetLast7Days => "Last 7 days", "최근 7일", "過去 7 天";
    PresetLast30Days => "Last 30 days", "최근 30일", "過去 30 天";
    PresetLast90Days => "Last 90 days", "최근 90일", "過去 90 天";
    PresetThisQuarter => "This quarter", "이번 분기", "本季";
    SlaFirstResponse => "First response", "첫 응답", "首次回覆";
    SlaNextUpdate => "Next update", "다음 업데이트", "下次更新";
    SlaResolution => "Resolution", "해결", "解決";
    // chrono patterns for a day on a chart axis and in the report's period.
    DayPattern => "%b %-d", "%-m/%-d", "%-m/%-d";
    LongDayPattern => "%-d %b %Y", "%Y년 %-m월 %-d일", "%Y年%-m月%-d日";
    MetricCasesCreated => "Cases created", "신규 문의", "新建案件";
    MetricCasesResolved => "Cases resolved", "해결된 문의", "已解決案件";
    MetricFirstResponseMedian => "First response, median", "첫 응답 중앙값", "首次回覆中位數";
    MetricFirstResponseP90 => "First response, 90th percentile", "첫 응답 90번째 백분위수", "首次回覆第 90 百分位數";
    MetricResolutionMedian => "Resolution, median", "해결 시간 중앙값", "解決時間中位數";
    MetricResolutionP90 => "Resolution, 90th percentile", "해결 시간 90번째 백분위수", "解決時間第 90 百分位數";
    MetricSlaMet => "SLA targets met", "SLA 달성률", "SLA 達成率";
    MetricBacklogOpen => "Open backlog", "미처리 백로그", "待處理積壓";
    MetricBacklogOld => "Backlog older than 72 h", "72시간 초과 백로그", "超過 72 小時的積壓";
    MetricWaitingCustomer => "Waiting on customer, median", "고객 회신 대기 중앙값", "等待客戶回覆中位數";
    MetricWaitingEngineering => "Waiting on engineering, median", "개발팀 확인 대기 중앙값", "等待工程團隊中位數";
    MetricReopened => "Reopened", "재오픈율", "重新開啟率";
    MetricOneTouch => "Resolved in one touch", "1회 응대 해결률", "單次處理解決率";
    MetricCsat => "Customer satisfaction", "고객 만족도", "客戶滿意度";
    MetricIncidentMedian => "Incident duration, median", "장애 지속 시간 중앙값", "事件持續時間中位數";
    MetricIncidentCustomers => "Customers in incidents", "장애 영향 고객 수", "受事件影響的客戶數";
    MetricIncidentPeople => "People affected by incidents", "장애 영향 사용자 수", "受事件影響的人數";
    NoFigureBefore => "no figure for the period before", "이전 기간 수치 없음", "前一期間無數據";
    SameAsBefore => "same as before ({was})", "이전과 동일({was})", "與前期相同（{was}）";
    UpPercent => "up {delta} % from {was}", "{was} 대비 {delta}% 증가", "較 {was} 增加 {delta}%";
    DownPercent => "down {delta} % from {was}", "{was} 대비 {delta}% 감소", "較 {was} 減少 {delta}%";
    UpBy => "up {delta} from {was}", "{was} 대비 {delta} 증가", "較 {was} 增加 {delta}";
    DownBy => "down {delta} from {was}", "{was} 대비 {delta} 감소", "較 {was} 減少 {delta}";
    UpPoints => "up {delta} points from {was}", "{was} 대비 {delta}%p 상승", "較 {was} 上升 {delta} 個百分點";
    DownPoints => "down {delta} points from {was}", "{was} 대비 {delta}%p 하락", "較 {was} 下降 {delta} 個百分點";
    HeadlineFigures => "Headline figures", "핵심 지표", "重點指標";
    ChartVolume => "Cases created and resolved per day", "일별 신규 및 해결 문의", "每日新建與已解決案件";
    ChartBacklog => "Open backlog at the end of each day, by age", "일별 마감 시점 미처리 백로그(경과 시간별)", "每日結束時的待處理積壓（依案齡）";
    ChartFirstResponse => "First response per week: median, with the 90th percentile", "주별 첫 응답: 중앙값과 90번째 백분위수", "每週首次回覆：中位數與第 90 百分位數";
    ChartResolution => "Resolution per week: median, with the 90th percentile", "주별 해결 시간: 중앙값과 90번째 백분위수", "每週解決時間：中位數與第 90 百分位數";
    ChartSla => "SLA targets met, per tier", "서비스 등급별 SLA 달성률", "各服務等級的 SLA 達成率";
    ChartTimeGoes => "Where resolution time goes", "해결 시간의 구성", "解決時間的分布";
    ChartCategories => "Top categories by customers affected", "영향 고객 수 상위 분류", "受影響客戶數最多的類別";
    ChartGroups => "Largest duplicate groups by customers affected", "영향 고객 수 상위 중복 문의 그룹", "受影響客戶數最多的重複案件群組";
    AxisDay => "Day", "날짜", "日期";
    AxisWeekOf => "Week of", "주 시작일", "週起始日";
    AxisTime => "Time", "시간", "時間";
    AxisMet => "Met", "달성", "達成";
    AxisShare => "Share", "비율", "比例";
    AxisGroup => "Group", "그룹", "群組";
    OpenCases => "Open cases", "미처리 문의", "未結案件";
    SeriesCreated => "Created", "신규", "新建";
    SeriesResolved => "Resolved", "해결", "已解決";
    SeriesOpen => "Open", "미처리", "未結";
    Under24h => "Under 24 h", "24시간 미만", "未滿 24 小時";
    From24hTo72h => "24 to 72 h", "24~72시간", "24 至 72 小時";
    Over72h => "Over 72 h", "72시간 초과", "超過 72 小時";
    Median => "Median", "중앙값", "中位數";
    Percentile90 => "90th percentile", "90번째 백분위수", "第 90 百分位數";
    Working => "Working", "처리 작업", "處理作業";
    ThisPeriod => "This period", "이번 기간", "本期";
    PeriodBefore => "Period before", "이전 기간", "前一期間";
    ShowAsTable => "Show as a table", "표로 보기", "以表格顯示";
    ChartTip => "{series}, {label}: {value}", "{series}, {label}: {value}", "{series}，{label}：{value}";
    SupportReport => "Support report", "고객지원 보고서", "客服報告";
    PeriodRange => "{from} to {to}", "{from}부터 {to}까지", "{from} 至 {to}";
    AsOf => "as of {time}", "{time} 기준", "截至 {time}";
    Print => "Print", "인쇄", "列印";
    DownloadMarkdown => "Download Markdown", "Markdown 다운로드", "下載 Markdown";
    BackToDashboard => "\u{2190} Dashboard", "\u{2190} 대시보드", "\u{2190} 儀表板";
    PainPoints => "Customer pain points", "고객 불편 사항", "客戶痛點";
    CategoryNamed => "Category: {name}", "분류: {name}", "類別：{name}";
    PainFigures => ": {cases} cases, {customers} customers affected.", ": 문의 {cases}건, 영향 고객 {customers}명.", "：{cases} 筆案件，影響 {customers} 位客戶。";
    ForExample => " For example: {examples}", " 예: {examples}", " 例如：{examples}";
    NoneInPeriod => "None in this period.", "이 기간에는 없습니다.", "本期間沒有事件。";
    Duration => "Duration", "지속 시간", "持續時間";
    Bottlenecks => "Bottlenecks", "병목 구간", "瓶頸";
    SlaByTier => "SLA targets by tier", "서비스 등급별 SLA 목표", "各服務等級的 SLA 目標";
    TierAndTarget => "Tier and target", "서비스 등급 및 목표", "服務等級與目標";
    Breached => "Breached", "위반", "違反";
    OldestOpen => "Oldest open cases", "가장 오래된 미처리 문의", "最久未結的案件";
    OpenFor => "{title} (open {age})", "{title}({age} 경과)", "{title}（已開啟 {age}）";
    Trends => "Trends", "추세", "趨勢";
    ReportVolume => "Created and resolved per day", "일별 신규 및 해결", "每日新建與已解決";
    ReportBacklog => "Open backlog per day", "일별 미처리 백로그", "每日待處理積壓";
    ReportResolution => "Resolution median per week", "주별 해결 시간 중앙값", "每週解決時間中位數";
    Recommendations => "Recommendations", "권고 사항", "建議事項";
    PromptCategoryRoseShare => "{category} cases rose from {before} to {now}; {share} % of their resolution time was waiting on engineering.",
        "{category} 문의가 {before}건에서 {now}건으로 늘었으며, 해결 시간의 {share}%가 개발팀 확인 대기였습니다.",
        "{category}案件由 {before} 筆增至 {now} 筆；其解決時間有 {share}% 在等待工程團隊。";
    PromptCategoryRose => "{category} cases rose from {before} to {now}.", "{category} 문의가 {before}건에서 {now}건으로 늘었습니다.",
        "{category}案件由 {before} 筆增至 {now} 筆。";
    PromptSlaMissedOne => "{tier} {target} was met {met} % of the time; {breached} target was breached.",
        "{tier} {target} 달성률은 {met}%였으며, {breached}건이 위반되었습니다.",
        "{tier}的{target}達成率為 {met}%；有 {breached} 項目標未達成。";
    PromptSlaMissed => "{tier} {target} was met {met} % of the time; {breached} targets were breached.",
        "{tier} {target} 달성률은 {met}%였으며, {breached}건이 위반되었습니다.",
        "{tier}的{target}達成率為 {met}%；有 {breached} 項目標未達成。";
    PromptBacklogAgeing => "Cases open for more than 72 hours grew from {before} to {now}.",
        "72시간 넘게 열려 있는 문의가 {before}건에서 {now}건으로 늘었습니다.",
        "開啟超過 72 小時的案件由 {before} 筆增至 {now} 筆。";
    PromptReopened => "{percent} % of resolved cases were reopened at least once.",
        "해결된 문의의 {percent}%가 한 번 이상 재오픈되었습니다.",
        "已解決案件中有 {percent}% 至少重新開啟過一次。";
    Figure => "Figure", "지표", "指標";
    Quoted => "\u{201c}{text}\u{201d}", "\u{201c}{text}\u{201d}", "「{text}」";
    MdPain => "- **{name}**: {cases} cases, {customers} customers affected. For example: {examples}",
        "- **{name}**: 문의 {cases}건, 영향 고객 {customers}명. 예: {examples}",
        "- **{name}**：{cases} 筆案件，影響 {customers} 位客戶。例如：{examples}";
    MdIncident => "- {name}: impact {impact}, {duration}, {customers} customers, {people} people affected",
        "- {name}: 영향도 {impact}, {duration}, 고객 {customers}명, 영향 사용자 {people}명",
        "- {name}：影響程度{impact}，{duration}，{customers} 位客戶，影響 {people} 人";
}
