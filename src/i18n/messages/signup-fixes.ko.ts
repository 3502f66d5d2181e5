// Messages of the signup wizard's done screen, existing-member notice, contacts, error summary and
// consent summary rows; keys `signupFix.*`.
//
// Placeholders: {loginId}; {memberType} a `signup.memberType.*` text; {company}; {seconds};
// {count} a number; {contact} a `signupFix.contact.*` text; {name} {number} {note} {hours} {email} {fax}.

export const signupFixes = {
  'signupFix.done.summary': '가입 정보',
  'signupFix.done.loginId': '아이디',
  'signupFix.done.memberType': '회원 구분',
  'signupFix.done.role': '기업 내 역할',
  'signupFix.done.role.master': 'MASTER',
  'signupFix.done.role.associate': '준회원 (MASTER 승인 대기)',
  'signupFix.done.next': '다음 단계',
  'signupFix.done.next.associate': 'MASTER 승인 후 정회원이 됩니다.',
  'signupFix.done.next.master': '기업의 다른 임직원이 가입하면 MASTER 회원으로서 승인할 수 있습니다.',
  'signupFix.done.next.login': '아이디 {loginId}(으)로 로그인해 서비스를 이용하세요.',
  'signupFix.done.autoContinue': '{seconds}초 후 다음 화면으로 이동합니다.',
  'signupFix.contact.help': '문의: {contact}',
  'signupFix.contact.phone': '{name} {number}',
  'signupFix.contact.phoneNote': '{name} {number} ({note})',
  'signupFix.contact.hours': '운영 시간 {hours}',
  'signupFix.certificate.send': '사업자등록증은 팩스({fax}) 또는 이메일({email})로 보내 주세요. 확인 후 기업 정보가 승인됩니다.',
  'signupFix.certificate.sendFax': '사업자등록증은 팩스({fax})로 보내 주세요. 확인 후 기업 정보가 승인됩니다.',
  'signupFix.certificate.sendEmail': '사업자등록증은 이메일({email})로 보내 주세요. 확인 후 기업 정보가 승인됩니다.',
  'signupFix.certificate.sendPhone': '사업자등록증을 보내는 방법은 {contact}(으)로 문의해 주세요. 확인 후 기업 정보가 승인됩니다.',
  'signupFix.certificate.ifNotAttached': '파일을 첨부하지 않아도 가입할 수 있습니다.',
  'signupFix.existing.body': '본인인증한 정보로 가입된 계정이 이미 있습니다. 한 사람은 계정을 하나만 가질 수 있습니다. 기존 계정으로 로그인하거나 아이디·비밀번호를 찾아 주세요.',
  'signupFix.existing.checking': '가입 여부를 확인하고 있습니다…',
  'signupFix.existing.login': '로그인',
  'signupFix.existing.findId': '아이디 찾기',
  'signupFix.existing.resetPassword': '비밀번호 찾기',
  'signupFix.mobile.hint': '핸드폰 번호는 나중에 비밀번호를 찾을 때 쓰입니다.',
  'signupFix.errorSummary.title': '입력 내용을 확인해 주세요 ({count}개)',
  'signupFix.review.person': '본인인증 정보',
  'signupFix.review.reverify': '가입 전 본인인증 한 번 더 하기',
  'signupFix.consent.notices': '안내',
  'signupFix.consent.optionalItems': '선택 항목',
  'signupFix.consent.recipient': '제공받는 자',
};
