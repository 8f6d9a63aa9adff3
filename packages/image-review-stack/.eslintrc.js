module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  ignorePatterns: ['cdk.out/', '.bundles/'],
  rules: {
    // CDK constructs attach themselves to their scope when constructed.
    'no-new': 'off',
    'jest/expect-expect': [
      'warn',
      {
        assertFunctionNames: [
          'expect',
          '*.hasResourceProperties',
          '*.resourceCountIs',
        ],
      },
    ],
  },
});
