// common messages in Korean (the catalogue every other locale is typed against).
export const common = {
  'common.next': '다음',
  'common.previous': '이전',
  'common.submit': '제출',
  'common.cancel': '취소',
  'common.retry': '다시 시도',
  'common.close': '닫기',
  'common.required': '필수',
  'common.optional': '선택',
  'common.loading': '불러오는 중입니다…',
  'common.saving': '저장하는 중입니다…',
  'common.stillWorking': '아직 처리하고 있습니다. 조금 더 기다리거나, 취소하고 나중에 다시 시도할 수 있습니다. 입력한 내용은 그대로 있습니다.',
  'common.cancelWaiting': '기다리지 않고 취소',
  'common.errorSummary': '입력한 내용을 확인해 주세요. 확인할 항목 {count}개',
  'common.requiredMark': '(필수)',
  // The step indicator's words: every multi-step element shows it from its first screen.
  'widgets.steps.label': '진행 단계',
  'widgets.steps.position': '전체 {total}단계 중 {current}단계: {label}',
  'widgets.steps.done': '완료',
  // The rule and error words a first screen shows (the rest load with what shows them, src/i18n/areas.ts):
  // the type step's one field error, and what is said for a code whose words are not here (yet).
  'rule.CHOICE_REQUIRED': '하나를 선택해 주세요.',
  'error.UNKNOWN': '오류가 발생했습니다. 잠시 후 다시 시도해 주세요.',
  'common.checkEntry': '이 항목을 확인해 주세요.',
};
