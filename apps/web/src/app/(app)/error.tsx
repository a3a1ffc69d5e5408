'use client';

// The signed-in area shows the same error page as the rest of the app; the boundary is declared here
// so an error inside it keeps the app shell (header, navigation) around the message.
export { default } from '../error';
