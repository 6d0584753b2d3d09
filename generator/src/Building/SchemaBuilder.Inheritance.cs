using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// The part of <see cref="SchemaBuilder"/> for inheritance: OpenAPI's Discriminator Object on an <c>allOf</c> base.
/// A component object schema with <c>discriminator.propertyName</c> is a base; a component object schema whose
/// <c>allOf</c> refers to a type of the hierarchy derives from it (<c>Cat : Pet</c>, <c>Lion : Cat</c>). A type's
/// discriminator values are the base's <c>mapping</c> keys that point at it, else its component name.
/// </summary>
internal sealed partial class SchemaBuilder
{
    private const string ComponentPrefix = "#/components/schemas/";

    /// <summary>Object schemas whose discriminator needs no plain OAS010: honoured, or reported more precisely here.</summary>
    private readonly HashSet<YamlNode> _discriminatorsHandled = new(ReferenceEqualityComparer.Instance);

    /// <summary>Finds every hierarchy among the registered component types; called once, before types are built.</summary>
    private void ResolveHierarchies()
    {
        List<PendingType> components = _types.Where(t => t.Kind == TypeModelKind.Object && t.SchemaName.StartsWith(ComponentPrefix, StringComparison.Ordinal)).ToList();
        foreach (PendingType type in components)
        {
            if (BaseDiscriminator(type) is { } propertyName)
            {
                type.Discriminator = propertyName;
                _discriminatorsHandled.Add(type.Node);
            }
        }

        foreach (PendingType type in components)
        {
            _ = RootOf(type, new HashSet<PendingType>());
        }

        ILookup<PendingType, PendingType> members = components.Where(t => t.Root is not null).ToLookup(t => t.Root!);
        foreach (PendingType root in components.Where(t => ReferenceEquals(t.Root, t)))
        {
            BuildTable(root, members[root].ToList());
        }
    }

    /// <summary>The discriminator's property name when <paramref name="type"/> is a base whose discriminator can choose: declared, and a string.</summary>
    private string? BaseDiscriminator(PendingType type)
    {
        if (type.Node.Get("discriminator") is not { IsMapping: true } discriminator
            || discriminator.Get("propertyName") is not { IsScalar: true, Value: { } propertyName })
        {
            return null;
        }

        PropertyModel? property = PropertiesOf(type).FirstOrDefault(p => p.JsonName == propertyName);
        if (property is null || property.Type.Kind is not (TypeRefKind.String or TypeRefKind.Enum))
        {
            ReportUnsupported(type.Node, discriminator.Get("propertyName")!, $"'discriminator' on a property the schema does not declare as a string (in {type.SchemaName}.{propertyName})", "the subtype is not chosen by it");
            _discriminatorsHandled.Add(type.Node);
            return null;
        }

        return propertyName;
    }

    /// <summary>The base of the hierarchy <paramref name="type"/> belongs to (itself for a base); sets its parent, the first hierarchy type its allOf refers to.</summary>
    private PendingType? RootOf(PendingType type, HashSet<PendingType> visiting)
    {
        if (type.HierarchyResolved)
        {
            return type.Root;
        }

        if (!visiting.Add(type))
        {
            return null; // allOf loops back here: no hierarchy along the loop
        }

        PendingType? root = null;
        IEnumerable<YamlNode> parts = type.Node.Get("allOf") is { IsSequence: true } allOf ? allOf.Items! : Enumerable.Empty<YamlNode>();
        foreach (YamlNode part in parts)
        {
            if (part.Get("$ref") is null || _refs.Resolve(part) is not { } target
                || !_typesByNode.TryGetValue(target, out PendingType? referenced) || referenced.Kind != TypeModelKind.Object
                || !referenced.SchemaName.StartsWith(ComponentPrefix, StringComparison.Ordinal)
                || RootOf(referenced, visiting) is not { } referencedRoot)
            {
                continue;
            }

            if (root is null)
            {
                root = referencedRoot;
                type.Parent = referenced;
            }
            else if (!ReferenceEquals(root, referencedRoot))
            {
                ReportUnsupported(type.Node, part, $"'allOf' that refers to a second discriminated base, {referencedRoot.SchemaName} (in {type.SchemaName})", $"{type.Name} derives from {type.Parent!.Name} only, and reading a {referencedRoot.Name} does not choose it (its members are still read and checked)");
            }
        }

        if (root is not null && type.Discriminator is not null)
        {
            // A base that is itself a subtype: the hierarchy has one discriminator, the root's.
            ReportUnsupported(type.Node, KeyNode(type.Node, "discriminator")!, $"'discriminator' on a subtype (in {type.SchemaName})", $"its subtypes are chosen by {root.SchemaName}'s discriminator '{root.Discriminator}' only");
            type.Discriminator = null;
        }

        type.Root = root ?? (type.Discriminator is null ? null : type);
        type.HierarchyResolved = true;
        return type.Root;
    }

    /// <summary>Each member's discriminator values, and the root's table of all of them.</summary>
    private void BuildTable(PendingType root, List<PendingType> members)
    {
        YamlNode discriminator = root.Node.Get("discriminator")!;
        var table = new List<SubtypeModel>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        YamlNode? mapping = discriminator.Get("mapping") is { IsMapping: true } m ? m : null;
        foreach (PendingType member in members)
        {
            var tags = new List<string>();
            foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping?.Pairs ?? new List<KeyValuePair<YamlNode, YamlNode>>())
            {
                if (pair.Key.Value is { } tag && MappingTarget(pair.Value) is { } target && ReferenceEquals(target, member.Node))
                {
                    tags.Add(tag);
                }
            }

            if (tags.Count == 0)
            {
                tags.Add(member.SchemaName.Substring(ComponentPrefix.Length));
            }

            member.Tags = tags.ToEquatableArray();
            foreach (string tag in tags)
            {
                if (taken.Add(tag))
                {
                    table.Add(new SubtypeModel(tag, member.Name));
                }
            }

            member.HasSubtypes = members.Any(other => ReferenceEquals(other.Parent, member));
        }

        foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping?.Pairs ?? new List<KeyValuePair<YamlNode, YamlNode>>())
        {
            if (pair.Key.Value is { } tag && !taken.Contains(tag))
            {
                ReportUnsupported(root.Node, pair.Value, $"A discriminator mapping to a schema that does not derive from {root.Name} through allOf (in {root.SchemaName})", $"the value '{tag}' is read as {root.Name}, and Validate() reports it");
            }
        }

        root.Table = table.ToEquatableArray();
        if (discriminator.Get("defaultMapping") is { IsScalar: true } defaultMapping)
        {
            PendingType? fallback = MappingTarget(defaultMapping) is { } target ? members.FirstOrDefault(m => ReferenceEquals(m.Node, target)) : null;
            if (fallback is null)
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, defaultMapping, $"The defaultMapping '{defaultMapping.Value}' of {root.SchemaName} names no schema of its hierarchy (the base or a schema whose allOf refers to it); it is ignored, so an object without '{root.Discriminator}' reads as {root.Name} and Validate() reports the missing value");
            }
            else
            {
                root.DefaultType = fallback;
                fallback.OtherTags = table.Select(t => t.Tag).Where(tag => !fallback.Tags.Contains(tag)).ToEquatableArray();
            }
        }
    }

    /// <summary>The schema a mapping value names: a reference (<c>#/components/schemas/Cat</c>) or a bare component name (<c>Cat</c>).</summary>
    private YamlNode? MappingTarget(YamlNode value) =>
        value.Value is not { } pointsAt ? null
            : _refs.Lookup(pointsAt.IndexOf('/') >= 0 ? pointsAt : ComponentPrefix + pointsAt);

    /// <summary>
    /// The properties of a hierarchy type in class order: the base's first (their C# declaration is the base's; the
    /// subtype's rules for them are kept where the C# type is the same), then the type's own.
    /// </summary>
    private EquatableArray<PropertyModel> HierarchyProperties(PendingType type)
    {
        if (type.HierarchyProperties is { } done)
        {
            return done;
        }

        EquatableArray<PropertyModel> own = PropertiesOf(type);
        if (type.Parent is null)
        {
            type.HierarchyProperties = own;
            return own;
        }

        type.HierarchyProperties = own; // guards against a loop through the parents
        EquatableArray<PropertyModel> inherited = HierarchyProperties(type.Parent);
        var result = new List<PropertyModel>(own.Count + inherited.Count);
        foreach (PropertyModel declared in inherited)
        {
            PropertyModel? redefined = own.FirstOrDefault(p => p.JsonName == declared.JsonName);
            if (redefined is not null && SameStorage(redefined, declared))
            {
                result.Add(redefined with { Name = declared.Name });
                continue;
            }

            if (redefined is not null && SameStorage(redefined with { Required = declared.Required }, declared))
            {
                // A value the subtype requires but the base does not: the base's T? property, and a presence check of the subtype's own.
                result.Add(redefined with { Name = declared.Name, Required = declared.Required });
                type.RequiredInherited.Add(declared.JsonName);
                continue;
            }

            if (redefined is not null)
            {
                ReportUnsupported(type.Node, KeyNode(type.Node, "allOf")!, $"A subtype that redefines an inherited property with another type or nullability (in {type.SchemaName}.{declared.JsonName})", $"the base {type.Parent.Name}'s declaration and rules are used for it");
            }

            result.Add(declared);
        }

        result.AddRange(own.Where(p => !inherited.Any(d => d.JsonName == p.JsonName)));
        type.HierarchyProperties = result.ToEquatableArray();
        return type.HierarchyProperties.Value;
    }

    /// <summary>Whether a subtype's version of a property can use the base's C# declaration (same type, same storage).</summary>
    private static bool SameStorage(PropertyModel sub, PropertyModel declared) =>
        sub.Type == declared.Type && sub.AllowsNull == declared.AllowsNull
        && (sub.Required == declared.Required || !sub.Type.IsValueType || (sub.AllowsNull && sub.Type.Kind != TypeRefKind.Any));

    private InheritanceModel? InheritanceOf(PendingType type) =>
        type.Root is not { } root ? null : new InheritanceModel(
            type.Parent?.Name,
            type.Parent is null ? 0 : HierarchyProperties(type.Parent).Count,
            type.HasSubtypes,
            root.Discriminator!,
            type.Tags,
            ReferenceEquals(root, type) ? root.Table : EquatableArray<SubtypeModel>.Empty)
        {
            RequiredInherited = type.RequiredInherited.ToEquatableArray(),
            DefaultTypeName = ReferenceEquals(root, type) ? root.DefaultType?.Name : null,
            DefaultOtherTags = type.OtherTags,
        };
}
