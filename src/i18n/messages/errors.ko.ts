// errors messages in Korean (the catalogue every other locale is typed against).
export const errors = {
  // request shape and field rules
  'error.VALIDATION_FAILED': '입력한 내용을 확인해 주세요. 표시된 항목을 고친 뒤 다시 시도해 주세요.',
  // site and configuration
  'error.SITE_UNKNOWN': '이 사이트의 회원 서비스 설정을 확인할 수 없습니다. 사이트 관리자에게 문의해 주세요.',
  'error.METHOD_NOT_AVAILABLE': '이 사이트에서는 선택한 인증 방법을 쓸 수 없습니다. 다른 인증 방법을 선택해 주세요.',
  // accounts and signup
  'error.LOGIN_ID_TAKEN': '이미 사용 중인 아이디입니다. 다른 아이디를 입력해 주세요.',
  'error.ALREADY_MEMBER': '이미 가입된 회원입니다. 아이디 찾기로 확인해 주세요.',
  'error.UNDER_AGE': '만 {minAge}세 미만은 가입할 수 없습니다.',
  'error.TERMS_REQUIRED': '필수 약관에 동의해 주세요.',
  'error.TERMS_OUTDATED': '약관이 변경되었습니다. 변경된 약관을 확인하고 다시 동의해 주세요.',
  'error.MEMBER_TYPE_NOT_ALLOWED': '이 사이트에서는 선택한 회원 유형으로 가입할 수 없습니다. 다른 회원 유형을 선택해 주세요.',
  // identity verification
  'error.VERIFICATION_NOT_FOUND': '본인인증 정보를 찾을 수 없습니다. 본인인증을 처음부터 다시 해 주세요.',
  'error.VERIFICATION_EXPIRED': '본인인증 유효시간이 지났습니다. 본인인증을 다시 해 주세요.',
  'error.VERIFICATION_INVALID': '이 본인인증은 사용할 수 없습니다. 본인인증을 다시 해 주세요.',
  'error.VERIFICATION_PURPOSE_MISMATCH': '다른 용도로 받은 본인인증입니다. 이 화면에서 본인인증을 다시 해 주세요.',
  'error.CAPTCHA_MISMATCH': '보안문자가 일치하지 않습니다. 새로 표시된 보안문자를 입력해 주세요.',
  'error.IDENTITY_MISMATCH': '본인 정보가 일치하지 않습니다. 입력한 정보를 확인하고 다시 인증해 주세요.',
  'error.CODE_MISMATCH': '인증번호가 일치하지 않습니다. 다시 입력해 주세요. (남은 횟수 {attempts}회)',
  'error.CODE_MISMATCH.plain': '인증번호가 일치하지 않습니다. 다시 입력해 주세요.',
  'error.CODE_EXPIRED': '인증번호 입력 시간이 지났습니다. 인증번호를 다시 받아 주세요.',
  'error.ATTEMPTS_EXCEEDED': '입력 가능 횟수를 넘었습니다. 인증번호를 다시 받거나 본인인증을 처음부터 다시 해 주세요.',
  'error.RESEND_TOO_SOON': '인증번호를 방금 보냈습니다. {seconds}초 후에 다시 요청해 주세요.',
  'error.RESEND_TOO_SOON.plain': '인증번호를 방금 보냈습니다. 잠시 후 다시 요청해 주세요.',
  'error.PROVIDER_REFUSED': '인증기관에서 인증을 거절했습니다. 본인 명의 휴대전화(법인 명의 제외)나 아이핀으로 다시 인증해 주세요.',
  // sessions and profile
  'error.UNAUTHENTICATED': '로그인이 필요합니다. 로그인한 뒤 다시 시도해 주세요.',
  'error.INVALID_CREDENTIALS': '아이디 또는 비밀번호가 일치하지 않습니다. 다시 입력해 주세요.',
  'error.CSRF_INVALID': '요청을 확인할 수 없습니다. 페이지를 새로고침한 뒤 다시 시도해 주세요.',
  'error.UNSUPPORTED_MEDIA_TYPE': '요청 형식을 처리할 수 없습니다. 페이지를 새로고침한 뒤 다시 시도해 주세요.',
  'error.PAYLOAD_TOO_LARGE': '보낸 내용이 너무 큽니다. 입력한 내용을 줄여 다시 시도해 주세요.',
  'error.REVERIFICATION_REQUIRED': '회원정보를 수정하려면 본인인증을 다시 해 주세요.',
  'error.NAME_MISMATCH': '본인인증한 이름이 회원정보의 이름과 다릅니다. 아래 방법 중 하나로 진행해 주세요.',
  // account recovery
  'error.RESET_NOT_MATCHED': '아이디, 휴대전화 번호, 본인인증 정보가 일치하는 회원이 없습니다. 입력한 정보를 확인해 주세요.',
  'error.RESET_EXPIRED': '비밀번호 재설정 유효시간이 지났습니다. 처음부터 다시 진행해 주세요.',
  // companies
  'error.COMPANY_NOT_FOUND': '등록된 기업을 찾을 수 없습니다. 사업자등록번호를 확인하거나 기업을 새로 등록해 주세요.',
  'error.COMPANY_ALREADY_REGISTERED': '이미 등록된 기업입니다. 사업자등록번호로 다시 조회하면 이 기업에 연결됩니다.',
  'error.ALREADY_LINKED': '이미 연결된 기업이 있습니다. 기존 기업 연결을 해지한 뒤 다시 시도해 주세요.',
  'error.NOT_LINKED': '연결된 기업이 없습니다.',
  'error.FORBIDDEN_ROLE': '현재 기업 권한으로는 이용할 수 없습니다. 기업의 MASTER 회원에게 문의해 주세요.',
  'error.MASTER_MUST_TRANSFER': 'MASTER 권한을 다른 정회원에게 넘긴 뒤 기업 연결을 해지할 수 있습니다.',
  'error.MEMBER_NOT_IN_COMPANY': '해당 회원은 이 기업에 없거나 처리할 수 없는 상태입니다. 목록을 새로고침해 주세요.',
  'error.CERTIFICATE_INVALID_TYPE': 'PDF, JPG, PNG 파일만 올릴 수 있습니다.',
  'error.CERTIFICATE_TOO_LARGE': '파일 용량이 너무 큽니다. 더 작은 파일을 올리거나 팩스·이메일로 보내 주세요.',
  'error.CERTIFICATE_NOT_FOUND': '올린 사업자등록증 파일을 찾을 수 없습니다. 파일을 다시 올려 주세요.',
  // protocol
  'error.NOT_FOUND': '요청한 정보를 찾을 수 없습니다. 페이지를 새로고침한 뒤 다시 시도해 주세요.',
  'error.IDEMPOTENCY_CONFLICT': '이전 요청과 내용이 달라 처리할 수 없습니다. 페이지를 새로고침한 뒤 다시 시도해 주세요.',
  'error.RATE_LIMITED': '요청이 많아 잠시 이용할 수 없습니다. {seconds}초 후에 다시 시도해 주세요.',
  'error.RATE_LIMITED.plain': '요청이 많아 잠시 이용할 수 없습니다. 잠시 후 다시 시도해 주세요.',
  'error.INTERNAL_ERROR': '일시적인 오류가 발생했습니다. 입력한 내용은 그대로 있으니 잠시 후 다시 시도해 주세요.',
  'error.SERVICE_UNAVAILABLE': '서비스를 잠시 이용할 수 없습니다. 입력한 내용은 그대로 있으니 잠시 후 다시 시도해 주세요.',
  // client
  'error.NETWORK_ERROR': '서버에 연결할 수 없습니다. 입력한 내용은 그대로 있으니 인터넷 연결을 확인하고 다시 시도해 주세요.',
  'error.TIMEOUT': '응답이 늦어지고 있습니다. 입력한 내용은 그대로 있으니 인터넷 연결을 확인하고 다시 시도해 주세요.',
  'error.INVALID_RESPONSE': '서버가 잘못된 응답을 보냈습니다. 인터넷 연결 문제가 아닌 서버 쪽 오류입니다. 입력한 내용은 그대로 있으니 잠시 후 다시 시도해 주세요.',
  'error.ABORTED': '요청이 취소되었습니다. 필요하면 다시 시도해 주세요.',
  // NAME_MISMATCH: the ways out, shown in this order
  'guidance.OWNER_CHANGE': '명의가 바뀐 경우: 가까운 지역 사무소에 명의 변경을 신청한 뒤 새로 회원가입해 주세요.',
  'guidance.LEGAL_NAME_CHANGE': '개명한 경우: 개명 증명서류를 이메일로 보내 주시면 검토 후 이름을 바꿔 드립니다.',
  'guidance.ORIGINAL_METHOD': '아이디를 그대로 쓰려면: 가입할 때 인증한 휴대전화나 아이핀으로 다시 인증해 주세요.',
};
