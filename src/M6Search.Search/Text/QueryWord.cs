namespace M6Search.Search.Text;

/// <summary>One word of a query after normalisation: a Latin-script word, or a run of Han/kana/Hangul characters.</summary>
/// <param name="Text">The normalised word ("bumpy", "凹凸的咖啡杯").</param>
/// <param name="IsCjk">True for a run of CJK characters, which are compared character by character.</param>
public readonly record struct QueryWord(string Text, bool IsCjk);
