namespace CoCare.Residents.UI;

/// <summary>People type several names in one field, separated the way Chinese text does: 杨社工、吴委员.</summary>
internal static class NameList
{
    private static readonly char[] Separators = ['、', ',', '，', ';', '；'];

    public static string[] Split(string? text) => (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Adds or removes <paramref name="item"/> as a checkbox is ticked or cleared.</summary>
    public static void Toggle<T>(ISet<T> set, T item, bool on)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (on)
        {
            set.Add(item);
        }
        else
        {
            set.Remove(item);
        }
    }
}
