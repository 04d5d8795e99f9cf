export * from './depot-plan';
export * from './virtual-bus';
export * from './virtual-depot';
export * from './meter-reading';
