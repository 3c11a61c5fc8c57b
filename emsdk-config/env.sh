# Source from the repository root to run emcc by hand the way `make wasm`
# does:  . emsdk-config/env.sh && emcc --version
export EM_CONFIG="$PWD/emsdk-config/emscripten.py"
export EM_CACHE="$PWD/build/emcache"
export NODE_PATH=/usr/share/nodejs
emsdk-config/prepare-cache "$EM_CACHE"
