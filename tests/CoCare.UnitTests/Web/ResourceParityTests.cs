using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CoCare.UnitTests.Web;

/// <summary>Every string a person reads exists in both languages, and every literal key the code uses exists.</summary>
public partial class ResourceParityTests
{
    public static TheoryData<string> ResourceSets()
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "src"), "*.zh-CN.resx", SearchOption.AllDirectories))
        {
            data.Add(Path.GetRelativePath(RepositoryFiles.Root, file[..^".zh-CN.resx".Length]));
        }

        return data;
    }

    [Fact]
    public void EveryProjectWithUiText_HasResourceSets() => Assert.True(ResourceSets().Count >= 2);

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void ChineseAndEnglish_HaveTheSameKeys(string baseName)
    {
        var zh = Keys(baseName + ".zh-CN.resx");
        var en = Keys(baseName + ".en.resx");
        Assert.Empty(zh.Except(en));
        Assert.Empty(en.Except(zh));
    }

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void NoValueIsEmpty(string baseName)
    {
        foreach (var suffix in new[] { ".zh-CN.resx", ".en.resx" })
        {
            var empty = XDocument.Load(Path.Combine(RepositoryFiles.Root, baseName + suffix)).Root!.Elements("data")
                .Where(d => string.IsNullOrWhiteSpace(d.Element("value")?.Value)).Select(d => d.Attribute("name")!.Value);
            Assert.Empty(empty);
        }
    }

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void LiteralKeysUsedInTheProject_Exist(string baseName)
    {
        var keys = Keys(baseName + ".zh-CN.resx");
        var project = Path.GetDirectoryName(Path.GetDirectoryName(Path.Combine(RepositoryFiles.Root, baseName)))!;
        var missing = System.IO.Directory.GetFiles(project, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !keys.Contains(k))
            .Distinct()
            .ToList();
        Assert.Empty(missing);
    }

    private static HashSet<string> Keys(string relative) =>
        XDocument.Load(Path.Combine(RepositoryFiles.Root, relative)).Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();

    // S["Key.Name"] with a literal key and nothing appended.
    [GeneratedRegex("""\bS\["([A-Za-z]+\.[A-Za-z0-9.]+|[A-Za-z]+)"[\],]""")]
    private static partial Regex LiteralKey();
}
