// The model file of each type of a 160-type spec (TypeFileTableTests): hint name, then its types.
// large.Models00.g.cs: Item143 Item46
// large.Models01.g.cs: Item117 Item34 Item78 Item96
// large.Models02.g.cs: Item0
// large.Models03.g.cs: Item124 Item151 Item72
// large.Models04.g.cs: Item19 Item20 Item86
// large.Models05.g.cs: Item108 Item144 Item41
// large.Models06.g.cs: Item130 Item17 Item62 Item88
// large.Models07.g.cs: Item54
// large.Models08.g.cs: Item114 Item37 Item95
// large.Models09.g.cs: Item5
// large.Models10.g.cs: Item101 Item48
// large.Models11.g.cs: Item25 Item69 Item83
// large.Models12.g.cs: A Item147 Item42
// large.Models13.g.cs: Item113 Item30 Item92 VeryLongSchemaNameThatGoesOnAndOnForTheHash
// large.Models14.g.cs: Item53
// large.Models15.g.cs: Item119 Item120 Item76 Item98
// large.Models16.g.cs: Item59 Item6
// large.Models17.g.cs: Item104 Item148 Δelta
// large.Models18.g.cs: Item13 Item134 Item66
// large.Models19.g.cs: Item142 Item47
// large.Models20.g.cs: Item110 Item129 Item33 Item91
// large.Models21.g.cs: Item1 Zz
// large.Models22.g.cs: Item127 Item152 Item71
// large.Models23.g.cs: Item18 Item21 Item87
// large.Models24.g.cs: Item107
// large.Models25.g.cs: Item131 Item16 Item63 Item89
// large.Models26.g.cs: Item57 Item8
// large.Models27.g.cs: Item115 Item36 Item94
// large.Models28.g.cs: Item2
// large.Models29.g.cs: Item100 Item49
// large.Models30.g.cs: Item138 Item26 Item80
// large.Models31.g.cs: Item146 Item43
// large.Models32.g.cs: Item132 Item15 Item60
// large.Models33.g.cs: Item52
// large.Models34.g.cs: Größe Item123 Item39 Item75
// large.Models35.g.cs: Item58 Item7
// large.Models36.g.cs: Item103
// large.Models37.g.cs: Item12 Item135 Item67 Ñandú
// large.Models38.g.cs: Item141 Item44
// large.Models39.g.cs: Item111 Item128 Item32 Item90
// large.Models40.g.cs: Item51
// large.Models41.g.cs: Item126 Item153 Item70
// large.Models42.g.cs: Item22 Item84
// large.Models43.g.cs: Item106
// large.Models44.g.cs: Item11 Item136 Item28 Item64
// large.Models45.g.cs: Item56 Item9
// large.Models46.g.cs: Item116 Item35 Item79 Item97
// large.Models47.g.cs: Item3
// large.Models48.g.cs: Item125 Item150 Item73
// large.Models49.g.cs: Item139 Item27 Item81
// large.Models50.g.cs: Item109 Item145 Item40
// large.Models51.g.cs: Item133 Item14 Item61
// large.Models52.g.cs: Item55
// large.Models53.g.cs: Item122 Item38 Item74
// large.Models54.g.cs: Item4
// large.Models55.g.cs: Item102
// large.Models56.g.cs: Item24 Item68 Item82
// large.Models57.g.cs: Item140 Item45
// large.Models58.g.cs: Item112 Item31 Item93
// large.Models59.g.cs: Item50
// large.Models60.g.cs: Item118 Item121 Item77 Item99
// large.Models61.g.cs: Item23 Item85
// large.Models62.g.cs: Item105 Item149
// large.Models63.g.cs: Item10 Item137 Item29 Item65
