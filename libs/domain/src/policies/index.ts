export * from './access-policy';
export * from './assignment-policy';
export * from './compensation-policy';
export * from './contact-policy';
export * from './policy-config';
export * from './record-completeness';
export * from './text-checks';
export * from './personal-data';
