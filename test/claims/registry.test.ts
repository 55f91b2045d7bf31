import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { emptyRegistry, Entity, Registry } from '@shared/claims/registry';
import {
  addEntity,
  deleteEntity,
  entityUses,
  mergeEntities,
  moveEntityValues,
  renameEntity,
  undoRegistryChange,
  updateEntity,
} from '@shared/claims/registryOps';
import { registryFromCsv, registryToCsv } from '@shared/claims/registryCsv';
import { readCsv } from '@shared/claims/csvRead';
import { politicalClaimsTemplate } from '@shared/claims/template';
import type { ClaimValues } from '@shared/claims/values';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
}

function libya(): Registry {
  let reg = emptyRegistry();
  reg = addEntity(
    reg,
    { kind: 'actor', nameAr: 'الجيش الوطني الليبي', nameLatin: 'Libyan National Army', type: 'armed-group' },
    'lna',
  ).registry;
  reg = addEntity(
    reg,
    {
      kind: 'actor',
      nameAr: 'خليفة حفتر',
      nameLatin: 'Khalifa Haftar',
      type: 'person',
      affiliation: 'lna',
      aliases: ['المشير حفتر'],
    },
    'haftar',
  ).registry;
  // the same man entered a second time, under another spelling
  reg = addEntity(reg, { kind: 'actor', nameAr: 'المشير خليفة', aliases: ['حفتر'] }, 'haftar2').registry;
  reg = addEntity(reg, { kind: 'actor', nameAr: 'قوات حفتر', affiliation: 'haftar2' }, 'forces').registry;
  reg = addEntity(reg, { kind: 'place', nameAr: 'طرابلس', nameLatin: 'Tripoli', type: 'city' }, 'tripoli').registry;
  return reg;
}

describe('registry schema', () => {
  it('refuses a name of control characters, no name at all, a bad colour, an unknown affiliation', () => {
    expect(Entity.safeParse({ id: 'x', kind: 'actor', nameAr: '\u0001\u0002' }).error?.issues[0]?.message).toContain(
      'control characters',
    );
    expect(Entity.safeParse({ id: 'x', kind: 'actor' }).error?.issues[0]?.message).toBe(
      'An actor or a place needs a name, in Arabic or in Latin script.',
    );
    expect(Entity.safeParse({ id: 'x', kind: 'actor', nameAr: 'س', color: 'red' }).success).toBe(false);
    const reg = {
      ...emptyRegistry(),
      entities: [Entity.parse({ id: 'a', kind: 'actor', nameAr: 'أ', affiliation: 'b' })],
    };
    expect(Registry.safeParse(reg).error?.issues[0]?.message).toBe(
      '“أ” is affiliated to “b”, which is not in the registry.',
    );
  });

  it('refuses a circle of affiliations and a type of the other kind', () => {
    const reg = libya();
    expect(refusal(() => updateEntity(reg, 'lna', { affiliation: 'haftar' })).message).toContain(
      'affiliated to itself',
    );
    expect(refusal(() => updateEntity(reg, 'haftar', { type: 'city' })).message).toContain('not a type of actors');
  });
});

describe('registry operations', () => {
  it('adds, refusing a spelling another actor already has (folded as search folds)', () => {
    const reg = libya();
    const e = refusal(() => addEntity(reg, { kind: 'actor', nameAr: 'خليفه حفتر' }, 'new'));
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('already in the registry as “خليفة حفتر”');
    // a place may share an actor's name
    expect(addEntity(reg, { kind: 'place', nameAr: 'الجيش الوطني الليبي' }, 'p').entity.kind).toBe('place');
    expect(reg.entities).toHaveLength(5);
  });

  it('renames, keeping the old names as aliases so the old spelling is still found', () => {
    const { entity, registry } = renameEntity(libya(), 'haftar', { nameAr: 'المشير خليفة حفتر' });
    expect(entity.nameAr).toBe('المشير خليفة حفتر');
    // the Latin name, unchanged, is still a name, not an alias
    expect(entity.aliases).toEqual(['المشير حفتر', 'خليفة حفتر']);
    expect(registry.entities.find((x) => x.id === 'haftar')?.nameLatin).toBe('Khalifa Haftar');
  });

  it('merges: aliases united, gaps filled, affiliations follow, claims move, and one undo puts it back', () => {
    const before = libya();
    const change = mergeEntities(before, ['haftar2'], 'haftar');
    const kept = change.registry.entities.find((e) => e.id === 'haftar')!;
    expect(change.registry.entities.map((e) => e.id)).toEqual(['lna', 'haftar', 'forces', 'tripoli']);
    expect(kept.aliases).toEqual(['المشير حفتر', 'المشير خليفة', 'حفتر']);
    expect(change.registry.entities.find((e) => e.id === 'forces')?.affiliation).toBe('haftar');
    expect(change.moves).toEqual([{ from: 'haftar2', to: 'haftar' }]);

    const fields = politicalClaimsTemplate();
    const claims: ClaimValues[] = [
      { claimant: 'haftar2', addressee: 'lna' },
      { claimant: 'lna', object_actor: 'haftar2', note: 'haftar2' },
    ];
    const moved = claims.map((c) => moveEntityValues(fields, c, change.moves));
    expect(moved.map((m) => m.values)).toEqual([
      { claimant: 'haftar', addressee: 'lna' },
      { claimant: 'lna', object_actor: 'haftar', note: 'haftar2' },
    ]);
    expect(entityUses(fields, claims).get('haftar2')).toBe(2);

    expect(undoRegistryChange(change.registry, change.undo)).toEqual(before);
    // changed since: refused, nothing changed
    const edited = updateEntity(change.registry, 'haftar', { notes: 'edited' }).registry;
    expect(refusal(() => undoRegistryChange(edited, change.undo)).message).toContain('was changed since');
  });

  it('refuses to merge an actor into a place', () => {
    expect(refusal(() => mergeEntities(libya(), ['tripoli'], 'lna')).message).toContain('is a place');
  });

  it('refuses to delete an actor claims use, unless they are given to another', () => {
    const reg = libya();
    const e = refusal(() => deleteEntity(reg, 'haftar2', { uses: 3 }));
    expect(e.code).toBe('conflict');
    expect(e.message).toBe('“المشير خليفة” is in 3 claims; choose the actor to give them to, then delete.');
    const change = deleteEntity(reg, 'haftar2', { uses: 3, reassignTo: 'haftar' });
    expect(change.moves).toEqual([{ from: 'haftar2', to: 'haftar' }]);
    expect(change.registry.entities.find((x) => x.id === 'forces')?.affiliation).toBe('haftar');
    const unused = deleteEntity(reg, 'haftar2', { uses: 0 });
    expect(unused.registry.entities.find((x) => x.id === 'forces')?.affiliation).toBeNull();
    expect(undoRegistryChange(unused.registry, unused.undo)).toEqual(reg);
  });
});

describe('registry CSV', () => {
  it('exports with a BOM, aliases joined, formula-looking names guarded, and imports back the same registry', () => {
    let reg = libya();
    reg = addEntity(reg, { kind: 'actor', nameLatin: '=HYPERLINK("x")', notes: 'سطر\nآخر' }, 'odd').registry;
    const csv = registryToCsv(reg);
    expect(csv.startsWith('\uFEFFid,kind,name_ar,name_latin,aliases,type,affiliation_id,affiliation,')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('haftar,actor,خليفة حفتر,Khalifa Haftar,المشير حفتر,person,lna,الجيش الوطني الليبي');
    const fresh = registryFromCsv(emptyRegistry(), csv, () => 'unused');
    expect(fresh.registry).toEqual(reg);
    expect([fresh.added, fresh.updated, fresh.unchanged]).toEqual([6, 0, 0]);
    const again = registryFromCsv(reg, csv, () => 'unused');
    expect(again.registry).toEqual(reg);
    expect([again.added, again.updated, again.unchanged]).toEqual([0, 0, 6]);
  });

  it('matches rows without an id by name, adds new types, and resolves affiliations by name', () => {
    let n = 0;
    const csv =
      'name_ar,aliases,type,affiliation\r\nخليفه حفتر,Haftar | خليفة بلقاسم حفتر,,\r\nأحمد المسماري,,متحدث عسكري,الجيش الوطني الليبي\r\n';
    const r = registryFromCsv(libya(), csv, () => `new-${++n}`);
    expect([r.added, r.updated]).toEqual([1, 1]);
    expect(r.registry.entities.find((e) => e.id === 'haftar')?.aliases).toEqual([
      'المشير حفتر',
      'Haftar',
      'خليفة بلقاسم حفتر',
    ]);
    const added = r.registry.entities.find((e) => e.id === 'new-1')!;
    expect(added.affiliation).toBe('lna');
    expect(r.newTypes).toEqual(['متحدث عسكري']);
    expect(r.registry.types.find((t) => t.id === added.type)?.nameAr).toBe('متحدث عسكري');
  });

  it('stops at a bad row with its line number and changes nothing', () => {
    const reg = libya();
    const bad = 'name_ar,kind,affiliation\r\nأ,actor,\r\nب,person,\r\n';
    expect(refusal(() => registryFromCsv(reg, bad, () => 'x')).message).toBe(
      'Line 3: the kind “person” is neither actor nor place. Nothing was imported.',
    );
    const noAff = 'name_ar,affiliation\r\nأ,لا أحد\r\n';
    expect(refusal(() => registryFromCsv(reg, noAff, () => 'x')).message).toContain('Line 2: the affiliation “لا أحد”');
    expect(refusal(() => registryFromCsv(reg, 'a,b\r\n1,2\r\n', () => 'x')).message).toContain('not a list of actors');
    expect(refusal(() => readCsv('a\r\n"open')).message).toBe('Line 2 opens a quoted cell that is never closed.');
    expect(reg).toEqual(libya());
  });
});
