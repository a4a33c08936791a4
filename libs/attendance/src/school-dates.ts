// The calendar lives in @app/calendar; attendance code imports it from here too.
export * from '@app/calendar';
