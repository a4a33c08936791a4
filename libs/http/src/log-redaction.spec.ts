import { redactPersonalNumbers } from './log-redaction';

describe('redactPersonalNumbers', () => {
  it.each([
    ['/api/v1/students/201001011234', '/api/v1/students/[redacted]'],
    ['/api/v1/students/20100101-1234/x', '/api/v1/students/[redacted]/x'],
    ['/api/v1/students/1001011234', '/api/v1/students/[redacted]'],
    ['/api/v1/students/100101-1234', '/api/v1/students/[redacted]'],
    ['/api/v1/students/100101+1234', '/api/v1/students/[redacted]'],
    ['/api/v1/students/100101%2B1234', '/api/v1/students/[redacted]'],
    ['/api/v1/x%2F201001011234', '/api/v1/x%2F[redacted]'],
    ['/a/201001011234/b/1001011234', '/a/[redacted]/b/[redacted]'],
  ])('redacts %s', (path, logged) => {
    expect(redactPersonalNumbers(path)).toBe(logged);
  });

  it.each([
    '/api/v1/students/4f0c1c9e-5d2a-4b8e-9c3f-0a1b2c3d4e5f',
    '/api/v1/cases/123/plan/versions/2',
    '/api/v1/x/12345678901',
    '/api/v1/x/1234567890123',
    '/api/v1/x/a1001011234',
  ])('leaves %s alone', (path) => {
    expect(redactPersonalNumbers(path)).toBe(path);
  });
});
