namespace VirtualFirewall.Grammar.Help;

/// <summary>
/// One word of a line being typed. <see cref="Open"/> marks a quoted word whose closing quote has
/// not been typed yet: it runs to the end of the line and is always the word under the cursor.
/// </summary>
internal readonly record struct TypedWord(string Text, bool Quoted, bool Open);
