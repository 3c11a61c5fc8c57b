# Web board: the core as WebAssembly (Debian's Emscripten, driven through
# emsdk-config/), the browser playground in web/ bundled with esbuild, and
# their tests: golden programs under Node and in headless Chromium, plus
# the Playwright specs in tests/web/.
WASM_DIR  := $(BUILD)/wasm
WEBB_DIR  := $(BUILD)/web
EM_CACHE_DIR := $(BUILD)/emcache
EMCC_ENV  := EM_CONFIG=$(CURDIR)/emsdk-config/emscripten.py \
             EM_CACHE=$(CURDIR)/$(EM_CACHE_DIR) NODE_PATH=/usr/share/nodejs
WEB_SRC   := $(CORE_SRC) boards/web/board.c
WASM_CFLAGS := $(WARN) -Oz -Icore -Iboards -DPITH_BOARD_NAME='"web"'
WASM_LDFLAGS := -Oz --no-entry --js-library boards/web/hal.js \
    -sMODULARIZE=1 -sEXPORT_NAME=createPith -sENVIRONMENT=web,worker,node \
    -sINITIAL_MEMORY=524288 -sTOTAL_STACK=65536 -sALLOW_MEMORY_GROWTH=0 \
    -sFILESYSTEM=0 -sMALLOC=emmalloc -sSUPPORT_ERRNO=0 -sDYNAMIC_EXECUTION=0 \
    -sINCOMING_MODULE_JS_API=board,wasmBinary,instantiateWasm,print,printErr \
    -sEXPORTED_RUNTIME_METHODS=stackSave,stackRestore \
    -sEXPORTED_FUNCTIONS=_pith_init,_pith_exec,_pith_repl,_pith_heap_info,_pith_board_tick,_web_reset,_web_run,_web_repl,_web_script_buf,_web_script_max,_web_exit_code,_web_flash_buf,_web_flash_size,_web_run_file,_web_fs_put,_web_fs_remove,_web_fs_rename,_web_fs_format
WEB_JS    := $(wildcard web/*.js) $(wildcard web/*.css)
NPM_STAMP := node_modules/.package-lock.json

.PHONY: wasm web serve test-web
wasm: $(WASM_DIR)/pith.js
web: wasm $(WEBB_DIR)/main.js

$(EM_CACHE_DIR)/.prepared: emsdk-config/prepare-cache
	emsdk-config/prepare-cache $(EM_CACHE_DIR)

$(WASM_DIR)/pith.js: $(WEB_SRC) $(CORE_HDR) boards/web/hal.js boards/web/board.mk \
                     emsdk-config/emscripten.py $(EM_CACHE_DIR)/.prepared
	@mkdir -p $(@D)
	$(EMCC_ENV) emcc $(WASM_CFLAGS) $(WASM_LDFLAGS) -o $@ $(WEB_SRC)
	@n=$$(stat -c %s $(WASM_DIR)/pith.wasm); echo "wasm: $$n bytes (goal 163840, limit 262144)"; \
	    if [ $$n -gt 262144 ]; then echo "wasm: over the 256 KB limit"; exit 1; fi

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

$(WEBB_DIR)/main.js: $(WEB_JS) $(NPM_STAMP)
	@rm -rf $(@D) && mkdir -p $(@D)
	node_modules/.bin/esbuild web/main.js --bundle --minify --format=esm --splitting \
	    --target=chrome100 --outdir=$(WEBB_DIR) --log-level=warning
	node_modules/.bin/esbuild web/boot.js web/worker.js --bundle --minify \
	    --target=chrome100 --outdir=$(WEBB_DIR) --log-level=warning

serve: web
	node boards/web/serve.js

test-web: web
	node_modules/.bin/playwright test -c tests/web/playwright.config.js
	node tests/web/first-prompt.js

TEST_STEPS += test-web
GOLDEN_BOARDS += node browser
GOLDEN_DEPS += $(WASM_DIR)/pith.js $(WEBB_DIR)/main.js
