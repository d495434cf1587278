// Unit test of web/js/plan-input.js under node (no browser): how the planning
// page reads a budget, a coverage target and the funders' split.
//
//   node --test tests/browser/plan-input.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBudget, parseTarget, parseShare, checkFunders, fundersFromParam, MAX_BUDGET } from '../../web/js/plan-input.js';

const ok = (value) => ({ ok: true, value });
const bad = (error) => ({ ok: false, error });

test('budgets in the forms officers write them', () => {
  for (const [text, value] of [
    ['1000000000', 1e9], ['1.000.000.000', 1e9], ['Rp 1.000.000.000', 1e9], ['Rp1.000.000.000', 1e9],
    ['Rp. 1.000.000.000', 1e9], ['rp 1.000.000.000,-', 1e9], ['Rp 1.000.000.000,00', 1e9],
    ['Rp 1 M', 1e9], ['1M', 1e9], ['1 miliar', 1e9], ['1 milyar', 1e9], ['1,5 M', 1.5e9], ['1.5 M', 1.5e9],
    ['2,25 miliar', 2.25e9], ['500 jt', 5e8], ['500 juta', 5e8], ['750 rb', 7.5e5], ['1.000 jt', 1e9],
    ['2 T', 2e12], ['1 triliun', 1e12], ['1,000,000', 1e6], ['1 000 000', 1e6], ['1,000.00', 1e3],
    ['5 bn', 5e9], ['10 million', 1e7], [' 201600 ', 201600], ['Rp\u00a0201.600', 201600],
  ]) assert.deepEqual(parseBudget(text), ok(value), text);
});

test('budgets that are refused, and why', () => {
  for (const [text, error] of [
    ['', 'empty'], ['   ', 'empty'], ['-5', 'negative'], ['Rp -1.000.000', 'negative'], ['−1 M', 'negative'],
    ['0', 'zero'], ['Rp 0', 'zero'], ['0,00', 'zero'], ['0,4', 'fraction'],
    ['abc', 'format'], ['satu miliar', 'format'], ['1e9', 'format'], ['1.2.3', 'format'], ['1.00.000', 'format'],
    ['12 apel', 'format'], ['Rp', 'format'], ['1 000.000', 'format'],
    ['1,5', 'fraction'], ['Rp 1.000.000,50', 'fraction'],
    ['5.000 T', 'too_large'], ['99999999999999999999999', 'too_large'],
  ]) assert.deepEqual(parseBudget(text), bad(error), text);
  assert.deepEqual(parseBudget('0,5 rb'), ok(500));
  assert.deepEqual(parseBudget(String(MAX_BUDGET)), ok(MAX_BUDGET));
  assert.deepEqual(parseBudget(String(MAX_BUDGET + 1)), bad('too_large'));
});

test('coverage targets', () => {
  assert.deepEqual(parseTarget('39'), { ok: true, value: 39, param: '39' });
  assert.deepEqual(parseTarget('39,5%'), { ok: true, value: 39.5, param: '39.5' });
  assert.deepEqual(parseTarget(' 39.50 % '), { ok: true, value: 39.5, param: '39.5' });
  assert.deepEqual(parseTarget('100'), { ok: true, value: 100, param: '100' });
  for (const [text, error] of [['', 'empty'], ['0', 'range'], ['100,01', 'range'], ['150', 'range'], ['39,555', 'format'], ['-5', 'format'], ['abc', 'format']]) {
    assert.deepEqual(parseTarget(text), bad(error), text);
  }
});

test('funders: whole percentages adding up to 100, names the API takes', () => {
  assert.deepEqual(parseShare('30%'), ok(30));
  assert.deepEqual(parseShare('0'), bad('share_range'));
  assert.deepEqual(parseShare('12,5'), bad('share_format'));
  const good = checkFunders([{ name: 'provinsi', share: '30' }, { name: 'kabupaten', share: '70%' }]);
  assert.equal(good.ok, true);
  assert.equal(good.param, 'provinsi:30,kabupaten:70');
  assert.deepEqual(fundersFromParam(good.param), [{ name: 'provinsi', share: '30' }, { name: 'kabupaten', share: '70' }]);
  const sum = checkFunders([{ name: 'provinsi', share: '30' }, { name: 'kabupaten', share: '60' }]);
  assert.deepEqual([sum.ok, sum.sum, sum.error], [false, 90, 'sum']);
  const rows = checkFunders([{ name: '', share: '50' }, { name: 'dana desa', share: '25' }, { name: 'PROVINSI', share: 'x' }, { name: 'provinsi', share: '25' }]);
  assert.equal(rows.ok, false);
  assert.deepEqual(rows.rows, [{ name: 'name_empty' }, { name: 'name_chars' }, { share: 'share_format' }, { name: 'name_twice' }]);
  assert.equal(checkFunders([]).error, 'count');
  assert.equal(checkFunders([{ name: 'a'.repeat(41), share: '100' }]).rows[0].name, 'name_long');
  assert.equal(checkFunders([{ name: 'apbd.prov-1_a', share: '100' }]).ok, true);
});
