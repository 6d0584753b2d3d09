using System;
using TaurusDb.StarRocks;

var request = CreateStarRocksInstanceRequest.FromJson(System.IO.File.ReadAllText(args[0]));
Console.WriteLine(request);
foreach (var error in request.Validate())
{
    Console.WriteLine("  " + error);
}
