using System;
using System.Collections.Generic;
using OpenApiSdk.Generator.Emitting;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Building;

/// <summary>Looks up members of the built types by wire name and JSON Pointer, for paging, links and jobs.</summary>
internal sealed class ResponseMembers
{
    private readonly Dictionary<string, TypeModel> _types = new(StringComparer.Ordinal);

    public ResponseMembers(EquatableArray<TypeModel> types)
    {
        foreach (TypeModel type in types)
        {
            _types[type.Name] = type;
        }
    }

    /// <summary>The object type a reference names, null for anything else (a union, an enum, a primitive).</summary>
    public TypeModel? ObjectType(TypeRef? type) =>
        type is { Kind: TypeRefKind.Model, ModelName: { } name } && _types.TryGetValue(name, out TypeModel? model) && model.Kind == TypeModelKind.Object ? model : null;

    public static PropertyModel? Property(TypeModel type, string jsonName)
    {
        foreach (PropertyModel property in type.Properties)
        {
            if (property.JsonName == jsonName)
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>
    /// The C# steps from a value of <paramref name="root"/> to the member a JSON Pointer names (RFC 6901: <c>~1</c> is '/', <c>~0</c> is '~'),
    /// each through an object property; null when a segment names no property or passes through anything but an object.
    /// The empty pointer (the whole body) is not a member and gives null.
    /// </summary>
    public AccessPath? Path(TypeRef root, string pointer)
    {
        if (pointer.Length < 2 || pointer[0] != '/')
        {
            return null;
        }

        var steps = new List<AccessStep>();
        TypeRef current = root;
        foreach (string raw in pointer.Substring(1).Split('/'))
        {
            string segment = raw.Replace("~1", "/").Replace("~0", "~");
            if (ObjectType(current) is not { } type || Property(type, segment) is not { } property)
            {
                return null;
            }

            Storage storage = TypeSyntax.StorageOf(property);
            bool nullable = storage is Storage.Tracked or Storage.OptionalValue or Storage.OptionalReference;
            steps.Add(new AccessStep(property.Name, property.Type.IsValueType, nullable));
            current = property.Type;
        }

        return new AccessPath(pointer, steps.ToEquatableArray(), current);
    }
}
