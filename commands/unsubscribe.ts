// The definition lives beside /subscribe, which shares its channel handling.
export { unsubscribe } from './subscribe.ts';
