/** What other parts of main may use of privacy: the service, and the copy page's policy. */
export { createPrivacy, type Privacy } from './privacy';
export { copyCsp } from './copy-html';
