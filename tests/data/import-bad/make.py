#!/usr/bin/env python3
# How the import fixtures were made (run once by hand, never by make check):
# import-good/ holds two real exports (`kaohe export ID --format json` of the
# 臺南分署 110 scorecard, final, and a 宜蘭分署 draft, from make-demo.sh);
# each file here is one of them with one fact broken, written compactly or
# with two-space indents.
import json, os
here = os.path.dirname(os.path.abspath(__file__))
good = os.path.join(here, '..', 'import-good')
tainan = json.load(open(os.path.join(good, 'tainan-110.json')))
yilan = json.load(open(os.path.join(good, 'yilan-draft.json')))

def node(card, key):
    def walk(nodes):
        for n in nodes:
            if n['key'] == key:
                return n
            r = walk(n.get('children', []))
            if r:
                return r
    return walk(card['nodes'])

def write(name, card, compact=False):
    with open(os.path.join(here, name), 'w') as f:
        if compact:
            f.write(json.dumps(card, ensure_ascii=False, separators=(',', ':')) + '\n')
        else:
            f.write(json.dumps(card, ensure_ascii=False, indent=2) + '\n')

def copy(card):
    return json.loads(json.dumps(card))

c = copy(tainan); node(c, '1.1.1')['score'] = 31; write('out-of-range.json', c)
c = copy(tainan); node(c, '1.1')['score'] = 93; write('wrong-sum.json', c)
c = copy(tainan); c['score'] = 871; write('wrong-total.json', c)
c = copy(tainan); c['rubric']['text'] = c['rubric']['text'].replace('max: 30\n', 'max: 31\n', 1); write('tampered-sha.json', c)
c = copy(tainan); node(c, '1.1.1')['key'] = '9.9.9'; write('unknown-key.json', c)
c = copy(tainan); node(c, '4.2.4')['score'] = None; c['score'] = 847
n = node(c, '4.2'); n['score'] -= 23
n = node(c, '4'); n['score'] -= 23
n = node(c, 'D1'); n['score'] -= 23
write('final-incomplete.json', c)
c = copy(tainan); node(c, '1.1.3')['tier'] = 2; write('wrong-tier.json', c)
# JSON Lines: a good record, then one with an out-of-range score on line 2,
# then a line that is not JSON on line 3.
c = copy(yilan); node(c, '1.1.1')['score'] = 0; c['uuid'] = '00000000-0000-4000-8000-000000000002'
with open(os.path.join(here, 'bad-lines.jsonl'), 'w') as f:
    f.write(json.dumps(tainan, ensure_ascii=False, separators=(',', ':')) + '\n')
    f.write(json.dumps(c, ensure_ascii=False, separators=(',', ':')) + '\n')
    f.write('{"uuid": "x",}\n')
with open(os.path.join(good, 'two.jsonl'), 'w') as f:
    f.write(json.dumps(tainan, ensure_ascii=False, separators=(',', ':')) + '\n')
    f.write('\n')
    f.write(json.dumps(yilan, ensure_ascii=False, separators=(',', ':')) + '\n')
# A syntax error in a pretty file: a missing comma after "agency".
text = open(os.path.join(good, 'tainan-110.json')).read()
text = text.replace('"agency": "臺南分署",', '"agency": "臺南分署"', 1)
open(os.path.join(here, 'bad-syntax.json'), 'w').write(text)
