// `membership-elements/define`: registers every default tag (a side-effect module). Class modules
// never register themselves, so a site may register them under its own names with
// `defineElement(tag, Class)`; internal `mb-*` parts are registered along with the element using them.
// One element only: `membership-elements/<element>/define`.
import './define-membership-provider.ts';
import './define-identity-verify.ts';
import './define-signup-wizard.ts';
