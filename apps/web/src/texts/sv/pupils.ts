// Journey 1 (mentor/teacher) and the overview: watch list, pupil page, flagging, school overview.
export const pupils = {};
