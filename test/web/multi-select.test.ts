// Picks of several values (the filter bar's dimensions, a goal's scope): the button's words, toggling, values and
// scopes in words. Expected strings written out by hand.
import { describe, expect, it } from 'vitest';
import { eitherOf, optionsWithPicked, summarisePick, togglePick } from '../../web/src/lib/filters/multi-select';
import { allLabels, fixedOptions, pluralLabels } from '../../web/src/lib/filters/options';
import { describeGoalScope, describeScope } from '../../web/src/lib/goals/describe';

const channels = fixedOptions.channel;
const channelWords = { all: allLabels.channel, plural: pluralLabels.channel };

describe('the button of a multi-select', () => {
  it('says all, one label, two labels, or a count', () => {
    expect(summarisePick([], channels, channelWords)).toBe('All channels');
    expect(summarisePick(['email'], channels, channelWords)).toBe('Email');
    expect(summarisePick(['email', 'phone'], channels, channelWords)).toBe('Email, Phone');
    expect(summarisePick(['phone', 'email', 'chat'], channels, channelWords)).toBe('3 channels');
    expect(summarisePick(['internal'], fixedOptions.requester_kind, { all: allLabels.requester_kind, plural: pluralLabels.requester_kind })).toBe('Internal');
  });

  it('names a value it has no label for by the value (a team not loaded yet)', () => {
    expect(summarisePick(['t9'], [], { all: 'All teams', plural: 'teams' })).toBe('t9');
    expect(summarisePick(['t1', 't9'], [{ value: 't1', label: 'Berlin' }], { all: 'All teams', plural: 'teams' })).toBe('Berlin, t9');
  });
});

describe('toggling a value', () => {
  it('adds and removes it, keeping the options\' order whatever the order of the clicks', () => {
    // Options: desk, phone, email, chat, …
    expect(togglePick([], 'email', channels)).toEqual(['email']);
    expect(togglePick(['email'], 'phone', channels)).toEqual(['phone', 'email']);
    expect(togglePick(['phone', 'email'], 'desk', channels)).toEqual(['desk', 'phone', 'email']);
    expect(togglePick(['desk', 'phone', 'email'], 'phone', channels)).toEqual(['desk', 'email']);
    expect(togglePick(['email'], 'email', channels)).toEqual([]);
  });

  it('keeps values the options lack, first', () => {
    const teams = [{ value: 't1', label: 'Berlin' }, { value: 't2', label: 'Manila' }];
    expect(togglePick(['t9'], 't2', teams)).toEqual(['t9', 't2']);
    expect(togglePick(['t9', 't2'], 't1', teams)).toEqual(['t9', 't1', 't2']);
    expect(togglePick(['t9', 't2'], 't9', teams)).toEqual(['t2']);
  });

  it('lists a picked value the options lack, by its value', () => {
    expect(optionsWithPicked([{ value: 't1', label: 'Berlin' }], ['t9', 't1'])).toEqual([{ value: 't1', label: 'Berlin' }, { value: 't9', label: 't9' }]);
    expect(optionsWithPicked(channels, ['email'])).toEqual(channels);
  });
});

describe('several values in words', () => {
  it('reads as alternatives', () => {
    expect(eitherOf([])).toBe('');
    expect(eitherOf(['Email'])).toBe('Email');
    expect(eitherOf(['Email', 'Chat'])).toBe('Email or Chat');
    expect(eitherOf(['Email', 'Chat', 'Phone'])).toBe('Email, Chat or Phone');
  });

  it('describes a goal\'s scope on its card and in the editor\'s preview', () => {
    const teamName = (id: string) => ({ t1: 'Berlin', t2: 'Manila' })[id] ?? id;
    const goal = { stat: 'p50', hours: 'business', period: 'week' as const, scope: { channel: ['email', 'chat'], team: ['t1', 't2'] } };
    expect(describeGoalScope(goal, teamName)).toBe('median, business hours, per week · Email or Chat · Berlin or Manila');
    expect(describeScope(goal.scope, teamName)).toBe('Channel: Email or Chat · Team: Berlin or Manila');
    expect(describeScope({ provider: ['outsourced'], category: ['billing', 'login_issue'] })).toBe('Provider: Outsourced · Category: billing or login_issue');
    expect(describeScope({})).toBe('All tickets');
    expect(describeScope({ channel: [] })).toBe('All tickets');
  });
});
