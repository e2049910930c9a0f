import mermaid from 'mermaid';

/** The ```mermaid blocks of a Markdown document. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
}

/** Parses a diagram with Mermaid's own parser (throws its parse error); returns the diagram type. */
export async function parseMermaid(text: string): Promise<string> {
  const r = await mermaid.parse(text);
  if (!r) throw new Error('mermaid.parse returned false');
  return r.diagramType;
}
