test('placeholder until the login page lands', () => {
  expect(1 + 1).toBe(2);
});
