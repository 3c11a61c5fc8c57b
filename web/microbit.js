// microbit.js — the micro:bit drawn in SVG: a 5x5 LED matrix with ten
// brightness levels and the two buttons, which report presses through
// onButton(which, down).
const NS = 'http://www.w3.org/2000/svg';

function el(name, attrs, parent) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

export function createMicrobit(parent, onButton) {
  const svg = el('svg', { viewBox: '0 0 360 290', class: 'microbit', role: 'img', 'aria-label': 'micro:bit' }, parent);
  el('rect', { x: 5, y: 5, width: 350, height: 280, rx: 22, class: 'mb-board' }, svg);
  // Edge connector: five big rings, gold pads between.
  for (let i = 0; i < 21; i++)
    el('rect', { x: 22 + i * 15.5, y: 250, width: 9, height: 30, class: 'mb-pad' }, svg);
  ['0', '1', '2', '3V', 'GND'].forEach((label, i) => {
    const x = 36 + i * 72;
    el('rect', { x: x - 18, y: 238, width: 36, height: 42, rx: 6, class: 'mb-pad' }, svg);
    el('circle', { cx: x, cy: 256, r: 11, class: 'mb-hole' }, svg);
    el('text', { x, y: 232, class: 'mb-label' }, svg).textContent = label;
  });

  const leds = [];
  for (let y = 0; y < 5; y++)
    for (let x = 0; x < 5; x++)
      leds.push(el('rect', { x: 122 + x * 26, y: 40 + y * 36, width: 12, height: 22, rx: 2, class: 'mb-led' }, svg));

  const buttons = ['A', 'B'].map((name, which) => {
    const cx = which ? 320 : 40;
    const g = el('g', { class: 'mb-button', id: `button-${name.toLowerCase()}`, tabindex: 0 }, svg);
    el('rect', { x: cx - 26, y: 98, width: 52, height: 52, rx: 6, class: 'mb-button-case' }, g);
    el('circle', { cx, cy: 124, r: 17, class: 'mb-button-cap' }, g);
    el('text', { x: cx, y: 178, class: 'mb-name' }, g).textContent = name;
    const press = (down) => (e) => {
      e.preventDefault();
      g.classList.toggle('down', down);
      onButton(which, down);
    };
    g.addEventListener('pointerdown', (e) => { g.setPointerCapture(e.pointerId); press(true)(e); });
    g.addEventListener('pointerup', press(false));
    g.addEventListener('pointercancel', press(false));
    return g;
  });

  return {
    // values: 25 brightness levels 0..9, row-major.
    show(values) {
      for (let i = 0; i < 25; i++) {
        const b = Math.min(values[i], 9);
        leds[i].style.fillOpacity = b ? 0.25 + 0.75 * (b / 9) : '';
        leds[i].classList.toggle('on', b > 0);
        leds[i].dataset.b = b;
      }
    },
    // Mirror a button held through the keyboard.
    setButton(which, down) { buttons[which].classList.toggle('down', down); },
  };
}
