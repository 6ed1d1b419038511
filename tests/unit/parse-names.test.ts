import { describe, expect, it } from 'vitest';
import {
  isPersonalNameList,
  looksCorporate,
  parseNames,
  spellInitials,
} from '../../src/lib/parse/parse-names.ts';

describe('parseNames', () => {
  it('reads NLM personal names with suffixes', () => {
    expect(parseNames('Darnell JE., Jr').names).toEqual([
      { family: 'Darnell', given: 'J. E.', suffix: 'Jr.' },
    ]);
    expect(parseNames('Smith J Jr, Doe AB 2nd, Roe C III').names).toEqual([
      { family: 'Smith', given: 'J.', suffix: 'Jr.' },
      { family: 'Doe', given: 'A. B.', suffix: '2nd' },
      { family: 'Roe', given: 'C.', suffix: 'III' },
    ]);
    expect(parseNames("van der Berg C, D'Lugoff MI, Trapé-Cardoso M, Ng J-P").names).toEqual([
      { family: 'van der Berg', given: 'C.' },
      { family: "D'Lugoff", given: 'M. I.' },
      { family: 'Trapé-Cardoso', given: 'M.' },
      { family: 'Ng', given: 'J.-P.' },
    ]);
  });

  it('turns "et al." into a flag, not a name', () => {
    expect(parseNames('Sommer J, Volpi E, et al')).toEqual({
      names: [
        { family: 'Sommer', given: 'J.' },
        { family: 'Volpi', given: 'E.' },
      ],
      truncated: true,
      editors: false,
    });
  });

  it('recognises editors without mistaking "ED" initials for them', () => {
    expect(parseNames('Higgins JPT, Green S, editors').editors).toBe(true);
    expect(parseNames('Smith ED').editors).toBe(false);
    expect(parseNames('Smith ED').names).toEqual([{ family: 'Smith', given: 'E. D.' }]);
  });

  it('keeps organisations whole, semicolons separating them', () => {
    expect(
      parseNames(
        'National Tuberculosis Controllers Association; Centers for Disease Control and Prevention (CDC)',
      ).names,
    ).toEqual([
      { literal: 'National Tuberculosis Controllers Association' },
      { literal: 'Centers for Disease Control and Prevention (CDC)' },
    ]);
    expect(parseNames('Department of Health, Education, and Welfare').names).toEqual([
      { literal: 'Department of Health, Education, and Welfare' },
    ]);
    expect(parseNames('StataCorp').names).toEqual([{ literal: 'StataCorp' }]);
  });

  it('classifies segments', () => {
    expect(isPersonalNameList('Golub JE, Mohan CI, et al')).toBe(true);
    expect(isPersonalNameList('Am Ind Hyg Assoc J')).toBe(true); // why journals are placed first
    expect(isPersonalNameList('Excel')).toBe(false);
    expect(looksCorporate('World Health Organization')).toBe(true);
    expect(looksCorporate('Smith J')).toBe(false);
  });
});

describe('spellInitials', () => {
  it('writes NLM run-together initials as CSL given names', () => {
    expect(spellInitials('JE')).toBe('J. E.');
    expect(spellInitials('J')).toBe('J.');
    expect(spellInitials('JPT')).toBe('J. P. T.');
    expect(spellInitials('J-P')).toBe('J.-P.');
  });
});
