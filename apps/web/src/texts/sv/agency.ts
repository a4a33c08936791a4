// Journey 3 (agency case worker): invitations, our agency's actions, notifications.
export const agency = {};
