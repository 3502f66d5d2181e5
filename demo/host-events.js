// What an agency page does with the elements' events: here, list them in a panel so you can see
// the host API at work. No event carries a password or session token.
const log = document.querySelector('#host-events');
const events = ['signup-step-change', 'signup-submit', 'signup-complete', 'signup-error', 'identity-verified'];

for (const type of events) {
  document.addEventListener(type, (event) => {
    if (!log) return;
    const item = document.createElement('li');
    const detail = { ...event.detail };
    // The verification token is opaque and single-use; the host would hand it to its server. Shortened here.
    if (typeof detail.verificationToken === 'string') detail.verificationToken = `${detail.verificationToken.slice(0, 6)}…`;
    item.textContent = `${new Date().toLocaleTimeString()}  ${type}  ${JSON.stringify(detail)}`;
    log.prepend(item);
  });
}
