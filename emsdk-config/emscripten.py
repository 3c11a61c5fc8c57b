# Emscripten config (EM_CONFIG) for Debian's emscripten package: its LLVM,
# binaryen and node live in /usr. The cache is EM_CACHE (build/emcache,
# set by boards/web/board.mk). When emsdk-config/prepare-cache has linked
# Debian's prebuilt sysroot into it, the cache is frozen so nothing is ever
# rebuilt; otherwise Emscripten builds its libraries there once (minutes).
import os
LLVM_ROOT = '/usr/bin'
BINARYEN_ROOT = '/usr'
NODE_JS = '/usr/bin/node'
LLVM_ADD_VERSION = '14'
CLANG_ADD_VERSION = '14'
FROZEN_CACHE = os.path.islink(os.path.join(os.environ.get('EM_CACHE', ''), 'sysroot'))
