import { describe, expect, it } from 'vitest';
import { buildCommentTree, mergeCommentEdges, type CommentNode } from './comment-tree';

interface C {
  id: string;
  parentId: string | null;
}

const c = (id: string, parentId: string | null = null): C => ({ id, parentId });

/** The tree as nested ids, for readable expectations. */
const shape = (nodes: CommentNode<C>[]): unknown =>
  nodes.map((node) => (node.replies.length ? { [node.comment.id]: shape(node.replies) } : node.comment.id));

describe('buildCommentTree', () => {
  it('nests replies under their parents and keeps the oldest-first order among siblings', () => {
    const flat = [c('a'), c('b'), c('a1', 'a'), c('a2', 'a'), c('a1x', 'a1'), c('b1', 'b'), c('a1xy', 'a1x'), c('c')];
    expect(shape(buildCommentTree(flat))).toEqual([{ a: [{ a1: [{ a1x: ['a1xy'] }] }, 'a2'] }, { b: ['b1'] }, 'c']);
  });

  it('shows a reply whose parent is not loaded at the top level', () => {
    expect(shape(buildCommentTree([c('r1', 'missing'), c('x'), c('r2', 'x')]))).toEqual(['r1', { x: ['r2'] }]);
  });

  it('keeps the first of repeated comments and survives a cycle', () => {
    expect(shape(buildCommentTree([c('a'), c('a'), c('b', 'a')]))).toEqual([{ a: ['b'] }]);
    const cyclic = buildCommentTree([c('p', 'q'), c('q', 'p')]);
    expect(cyclic.length).toBeGreaterThan(0);
  });

  it('returns an empty tree for no comments', () => {
    expect(buildCommentTree([])).toEqual([]);
  });
});

describe('mergeCommentEdges', () => {
  it('appends a page without repeating loaded comments', () => {
    const edge = (id: string) => ({ cursor: id, node: { id } });
    expect(mergeCommentEdges([edge('a'), edge('b')], [edge('b'), edge('c')]).map((e) => e.node.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});
