#nullable enable
// Compiled by MSBuild's RoslynCodeTaskFactory (see Directory.Build.targets) and, for its tests, by
// tests/M6Search.Build.Tests. It has no namespace because the code task factory looks the task up by its bare name.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Marks one symbol-version requirement of an ELF shared library as weak (VER_FLG_WEAK in the vna_flags of its
/// Vernaux entry in .gnu.version_r), so that the dynamic loader accepts a system library that lacks that version.
/// TorchSharp 0.107.0's libLibTorchSharp.so requires GLIBCXX_3.4.32 for std::ios_base_library_init, a symbol that
/// GCC 13's iostream header only references to pin the library version and never calls; Debian 12's libstdc++ stops
/// at GLIBCXX_3.4.30. The file is parsed through its section headers, never by fixed offsets.
/// </summary>
public sealed class WeakenGlibcxxRequirement : Microsoft.Build.Utilities.Task
{
    public const ushort VerFlagWeak = 0x2;
    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const uint ShtGnuVerneed = 0x6ffffffe;

    /// <summary>The library copies to rewrite in place (build or publish output, never the NuGet cache).</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The version requirement to weaken.</summary>
    public string Version { get; set; } = "GLIBCXX_3.4.32";

    /// <summary>auto: only when the system libstdc++ lacks <see cref="Version"/>; true: always.</summary>
    public string Mode { get; set; } = "auto";

    /// <summary>Overrides the libstdc++ that "auto" inspects (tests use it).</summary>
    public string? SystemLibrary { get; set; }

    public override bool Execute()
    {
        if (string.Equals(Mode, "auto", StringComparison.OrdinalIgnoreCase))
        {
            string? library = SystemLibrary ?? FindSystemLibStdCxx();
            if (library is null)
            {
                Log.LogMessage(MessageImportance.Low, "No system libstdc++ found; libLibTorchSharp.so is left as it is.");
                return true;
            }

            if (DefinesVersion(File.ReadAllBytes(library), Version))
            {
                Log.LogMessage(MessageImportance.Low, $"{library} defines {Version}; no change needed.");
                return true;
            }
        }

        foreach (ITaskItem item in Files)
        {
            string path = item.ItemSpec;
            try
            {
                byte[] bytes = File.ReadAllBytes(path);
                int changed = MarkRequirementWeak(bytes, Version);
                if (changed == 0)
                {
                    continue;
                }

                // Write a new file and move it over the old one, so that a hard link into a package cache is never
                // modified through the output folder.
                string temporary = path + ".m6tmp";
                File.WriteAllBytes(temporary, bytes);
                File.Delete(path);
                File.Move(temporary, path);
                Log.LogMessage(MessageImportance.High, $"M6Search: marked {Version} weak in {path} (system libstdc++ lacks it).");
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                Log.LogError($"M6Search: could not weaken {Version} in {path}: {ex.Message}");
                return false;
            }
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>The first libstdc++.so.6 among the usual Linux library folders, or null.</summary>
    public static string? FindSystemLibStdCxx()
    {
        string[] folders =
        {
            "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu",
            "/usr/lib64", "/lib64", "/usr/lib", "/lib",
        };
        foreach (string folder in folders)
        {
            string candidate = Path.Combine(folder, "libstdc++.so.6");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>True when the library's .gnu.version_d section defines <paramref name="version"/>.</summary>
    public static bool DefinesVersion(byte[] elf, string version)
    {
        var file = new ElfView(elf);
        foreach (Section section in file.Sections)
        {
            if (section.Type != ShtGnuVerdef)
            {
                continue;
            }

            Section strings = file.Sections[checked((int)section.Link)];
            long offset = section.Offset;
            for (uint i = 0; i < section.Info; i++)
            {
                ushort auxCount = file.U16(offset + 6);
                uint auxOffset = file.U32(offset + 12);
                uint next = file.U32(offset + 16);
                long aux = offset + auxOffset;
                if (auxCount > 0 && file.String(strings, file.U32(aux)) == version)
                {
                    return true;
                }

                if (next == 0)
                {
                    break;
                }

                offset += next;
            }
        }

        return false;
    }

    /// <summary>The version requirements of the library: (file it is needed from, version name, vna_flags).</summary>
    public static IReadOnlyList<(string File, string Version, ushort Flags)> ReadRequirements(byte[] elf)
    {
        var result = new List<(string, string, ushort)>();
        VisitRequirements(elf, (file, version, flags, _) => result.Add((file, version, flags)));
        return result;
    }

    /// <summary>Sets VER_FLG_WEAK on every requirement named <paramref name="version"/>; returns how many changed.</summary>
    public static int MarkRequirementWeak(byte[] elf, string version)
    {
        int changed = 0;
        var view = new ElfView(elf);
        VisitRequirements(elf, (_, name, flags, flagsOffset) =>
        {
            if (name == version && (flags & VerFlagWeak) == 0)
            {
                view.WriteU16(flagsOffset, (ushort)(flags | VerFlagWeak));
                changed++;
            }
        });
        return changed;
    }

    private static void VisitRequirements(byte[] elf, Action<string, string, ushort, long> visit)
    {
        var file = new ElfView(elf);
        foreach (Section section in file.Sections)
        {
            if (section.Type != ShtGnuVerneed)
            {
                continue;
            }

            Section strings = file.Sections[checked((int)section.Link)];
            long offset = section.Offset;
            for (uint i = 0; i < section.Info; i++)
            {
                ushort count = file.U16(offset + 2);
                string needed = file.String(strings, file.U32(offset + 4));
                long aux = offset + file.U32(offset + 8);
                for (int j = 0; j < count; j++)
                {
                    ushort flags = file.U16(aux + 4);
                    string name = file.String(strings, file.U32(aux + 8));
                    visit(needed, name, flags, aux + 4);
                    uint nextAux = file.U32(aux + 12);
                    if (nextAux == 0)
                    {
                        break;
                    }

                    aux += nextAux;
                }

                uint next = file.U32(offset + 12);
                if (next == 0)
                {
                    break;
                }

                offset += next;
            }
        }
    }

    private readonly struct Section
    {
        public Section(uint type, long offset, long size, uint link, uint info)
        {
            Type = type;
            Offset = offset;
            Size = size;
            Link = link;
            Info = info;
        }

        public uint Type { get; }

        public long Offset { get; }

        public long Size { get; }

        public uint Link { get; }

        public uint Info { get; }
    }

    /// <summary>Bounds-checked reads of an ELF32 or ELF64 image of either byte order.</summary>
    private sealed class ElfView
    {
        private readonly byte[] _bytes;
        private readonly bool _littleEndian;

        public ElfView(byte[] bytes)
        {
            _bytes = bytes;
            if (bytes.Length < 0x34 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            {
                throw new InvalidDataException("not an ELF file");
            }

            bool is64 = bytes[4] switch
            {
                1 => false,
                2 => true,
                _ => throw new InvalidDataException($"unknown ELF class {bytes[4]}"),
            };
            _littleEndian = bytes[5] switch
            {
                1 => true,
                2 => false,
                _ => throw new InvalidDataException($"unknown ELF byte order {bytes[5]}"),
            };

            long tableOffset = is64 ? (long)U64(0x28) : U32(0x20);
            int entrySize = U16(is64 ? 0x3A : 0x2E);
            int count = U16(is64 ? 0x3C : 0x30);
            int minimum = is64 ? 64 : 40;
            if (count > 0 && entrySize < minimum)
            {
                throw new InvalidDataException($"section header entries of {entrySize} bytes are too small");
            }

            var sections = new Section[count];
            for (int i = 0; i < count; i++)
            {
                long at = tableOffset + ((long)i * entrySize);
                sections[i] = is64
                    ? new Section(U32(at + 4), (long)U64(at + 24), (long)U64(at + 32), U32(at + 40), U32(at + 44))
                    : new Section(U32(at + 4), U32(at + 16), U32(at + 20), U32(at + 24), U32(at + 28));
                if (sections[i].Type != 8 /* SHT_NOBITS */ && sections[i].Offset + sections[i].Size > bytes.Length)
                {
                    throw new InvalidDataException($"section {i} lies outside the file");
                }
            }

            Sections = sections;
        }

        public IReadOnlyList<Section> Sections { get; }

        public ushort U16(long at) => (ushort)Read(at, 2);

        public uint U32(long at) => (uint)Read(at, 4);

        public ulong U64(long at) => Read(at, 8);

        public void WriteU16(long at, ushort value)
        {
            Check(at, 2);
            byte low = (byte)(value & 0xff);
            byte high = (byte)(value >> 8);
            _bytes[at] = _littleEndian ? low : high;
            _bytes[at + 1] = _littleEndian ? high : low;
        }

        public string String(Section table, uint index)
        {
            long start = table.Offset + index;
            long end = start;
            long limit = table.Offset + table.Size;
            while (end < limit && _bytes[end] != 0)
            {
                end++;
            }

            if (end >= limit)
            {
                throw new InvalidDataException($"string at {index} runs past its string table");
            }

            return Encoding.ASCII.GetString(_bytes, checked((int)start), checked((int)(end - start)));
        }

        private ulong Read(long at, int length)
        {
            Check(at, length);
            ulong value = 0;
            for (int i = 0; i < length; i++)
            {
                int index = _littleEndian ? length - 1 - i : i;
                value = (value << 8) | _bytes[at + index];
            }

            return value;
        }

        private void Check(long at, int length)
        {
            if (at < 0 || at + length > _bytes.Length)
            {
                throw new InvalidDataException($"read of {length} bytes at {at} lies outside the file");
            }
        }
    }
}
