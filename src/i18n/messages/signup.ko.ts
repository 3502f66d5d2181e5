// Messages of the signup area (`<signup-wizard>`); keys `signup.*`. Error texts come from `error.*` and
// `rule.*` (messageForCode); these are step titles, labels, hints and notices.
//
// Placeholders: `signup.announce` {current} {total} {title}; `*.loginId.hint` {min} {max};
// `signup.type.age`, `signup.underAge.*` {minAge}; `signup.identity.verified` {name};
// `signup.identity.nationalityChanged` {nationality}; `signup.company.certificate.hint` {size};
// `signup.company.certificate.attached` {fileName}; `signup.company.certificate.send*` {fax} {email}
// {contact}; `signup.review.edit` {section}; `signup.done.welcome` {name} {loginId};
// `signup.done.next.login` {loginId}; `signup.done.autoContinue` {seconds}; `signup.errorSummary.title`
// {count}; `signup.contact.*` {contact} {name} {number} {note} {hours}; `signup.later.keepHint` {hours};
// `signup.later.offerBody` {savedAt} {expiresAt} (dates and times as the locale writes them).
export const signup = {
  'signup.announce': '단계 {current}/{total}: {title}',
  'signup.loading': '회원가입 화면을 준비하는 중입니다…',
  'signup.notConfigured': '회원 서비스에 연결할 수 없습니다. 사이트 관리자에게 문의해 주세요.',
  'signup.noMemberTypes': '이 사이트에서는 지금 회원가입을 받지 않습니다.',
  'signup.step.type': '회원 유형 선택',
  'signup.step.consent': '약관 동의',
  'signup.step.identity': '실명인증',
  'signup.step.details': '회원정보 입력',
  'signup.step.company': '기업정보 입력',
  'signup.step.review': '입력 내용 확인',
  'signup.step.done': '가입 완료',
  'signup.step.under-age': '회원가입을 할 수 없습니다',
  'signup.step.already-member': '이미 가입된 회원입니다',

  'signup.type.kind': '회원 구분',
  'signup.type.kind.individual': '개인회원',
  'signup.type.kind.individual.hint': '기업에 속하지 않은(사업자등록번호가 없는) 분',
  'signup.type.kind.corporate': '기업회원',
  'signup.type.kind.corporate.hint': '기업에 속한 분: 개인회원 가입과 기업 연결을 한 번에 합니다. 기업 아이디는 따로 없고 본인 아이디로 이용합니다.',
  'signup.type.nationality': '국적',
  'signup.type.nationality.domestic': '내국인',
  'signup.type.nationality.foreign': '외국인',
  'signup.type.nationality.foreign.hint': '외국인은 영문 이름을 꼭 입력해야 합니다.',
  'signup.type.age': '만 {minAge}세 이상만 가입할 수 있습니다.',
  'signup.type.notOffered': '이 사이트에서는 선택한 조합으로 가입할 수 없습니다. 다른 회원 유형을 선택해 주세요.',

  'signup.consent.intro': '회원가입을 위해 아래 약관을 읽고 동의해 주세요.',
  'signup.consent.nextHint': '필수 항목에 모두 동의하면 다음 단계로 갈 수 있습니다.',
  'signup.consent.loading': '약관을 불러오는 중입니다…',
  'signup.consent.notices': '안내',
  'signup.consent.optionalItems': '선택 항목',
  'signup.consent.recipient': '제공받는 자',

  'signup.memberType.individual': '개인회원',
  'signup.memberType.foreign': '외국인 개인회원',
  'signup.memberType.corporate': '기업회원',

  'signup.later.keep': '이어서 작성하기: 입력한 내용을 이 기기에 저장',
  'signup.later.keepHint': '나중에 이 브라우저에서 이어서 작성할 수 있도록 입력한 내용을 마지막으로 바꾼 때부터 {hours}시간 동안 저장합니다. 비밀번호와 본인인증 정보는 저장하지 않습니다. 여러 사람이 함께 쓰는 컴퓨터에서는 선택하지 마세요.',
  'signup.later.offerTitle': '저장해 둔 가입 정보가 있습니다',
  'signup.later.offerBody': '{savedAt}에 저장한 내용으로 이어서 작성할 수 있습니다. 이 내용은 {expiresAt}에 자동으로 지워집니다.',
  'signup.later.continue': '이어서 작성하기',
  'signup.later.discard': '지우고 새로 작성하기',
  'signup.later.restored': '저장해 둔 내용을 불러왔습니다. 본인인증과 비밀번호는 저장하지 않으므로 다시 해 주세요.',
  'signup.later.discarded': '저장해 둔 내용을 지웠습니다. 처음부터 작성해 주세요.',
  // Said by the flow itself (src/flows/signup), so they load with the first step.
  'signup.identity.again.notice': '보안을 위해 본인인증을 다시 해 주세요. 입력한 내용은 그대로 있습니다.',
  'signup.review.reverifyFirst': '가입하기 전에 본인인증을 한 번 더 해 주세요.',
  'signup.company.researchNeeded': '기업 정보를 다시 조회해 주세요.',
  'signup.identity.nationalityChanged': '본인인증 결과에 따라 국적을 {nationality}(으)로 바꿨습니다.',
};
