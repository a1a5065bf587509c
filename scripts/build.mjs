import { build, installDependencies } from './toolchain.mjs';

installDependencies();
build();
