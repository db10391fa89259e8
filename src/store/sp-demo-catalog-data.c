/* sp-demo-catalog-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The word lists of the demo catalog: one row per leaf category of the
 * 3-level tree. A product name is "<a> <b>, <c>", one word from each
 * '|'-separated list; later lists weigh more in the price (sizes, packs).
 * Brand-neutral on purpose. data/demo/README.md describes the result.
 */

#include "sp-demo-private.h"

#define TL "Tools", "TL"
#define FA "Fasteners", "FA"
#define EL "Electrical", "EL"
#define PL "Plumbing", "PL"
#define SA "Safety & PPE", "SA"
#define HV "HVAC", "HV"
#define AD "Adhesives & Sealants", "AD"
#define WE "Welding", "WE"
#define ME "Measuring & Testing", "ME"

const SpDemoLeaf _sp_demo_leaves[] = {
  { TL, "Power Tools", "Drills", "Each", 8900, 52900, 1,
    "Cordless Drill Driver|Cordless Hammer Drill|Cordless Impact Driver|"
    "Cordless Rotary Hammer SDS-plus|Cordless Right-Angle Drill",
    "12V 2x2.0Ah|18V body only|18V 1x4.0Ah|18V 2x4.0Ah|18V 2x5.0Ah|18V brushless 2x5.0Ah",
    "in carry case|in stackable case|kit with 60-pc bit set" },
  { TL, "Power Tools", "Angle Grinders", "Each", 5900, 38900, 1,
    "Angle Grinder 115 mm|Angle Grinder 125 mm|Angle Grinder 150 mm|Angle Grinder 230 mm",
    "800W|1200W|1500W|2200W|18V body only|18V 2x5.0Ah",
    "slide switch|paddle switch|with kickback stop" },
  { TL, "Power Tools", "Saws", "Each", 7900, 69900, 1,
    "Jigsaw|Reciprocating Saw|Circular Saw 165 mm|Circular Saw 190 mm|Plunge Saw 160 mm|"
    "Mitre Saw 216 mm|Portable Band Saw",
    "corded 710W|corded 1200W|corded 1600W|18V body only|18V 2x5.0Ah|36V 2x4.0Ah",
    "in case|with 3 blades|with guide rail adapter" },
  { TL, "Power Tools", "Sanders & Planers", "Each", 4900, 42900, 1,
    "Delta Sander|Random Orbit Sander 125 mm|Random Orbit Sander 150 mm|Belt Sander 75 mm|"
    "Electric Planer 82 mm|Drywall Sander 225 mm",
    "corded 250W|corded 450W|corded 900W|18V body only|18V 1x4.0Ah",
    "with dust bag|with extraction adapter|in case" },
  { TL, "Hand Tools", "Screwdrivers", "Each", 390, 2490, 2,
    "Slotted Screwdriver 4.0 mm|Slotted Screwdriver 5.5 mm|Phillips Screwdriver PH1|"
    "Phillips Screwdriver PH2|Pozidriv Screwdriver PZ2|Torx Screwdriver T20|"
    "Torx Screwdriver T25|Torx Screwdriver T30|VDE Slotted Screwdriver 5.5 mm|"
    "VDE Phillips Screwdriver PH2|VDE Pozidriv Screwdriver PZ1",
    "stubby 25 mm|100 mm blade|125 mm blade|150 mm blade",
    "2-component grip|chrome vanadium|hex bolster" },
  { TL, "Hand Tools", "Pliers & Cutters", "Each", 890, 5990, 2,
    "Combination Pliers|Long Nose Pliers|Side Cutters|Water Pump Pliers|Wire Stripping Pliers|"
    "Cable Shears|Circlip Pliers|Locking Pliers",
    "160 mm|180 mm|200 mm|250 mm|300 mm",
    "chrome plated|with 2-component grips|VDE 1000V" },
  { TL, "Hand Tools", "Wrenches", "Each", 490, 4990, 2,
    "Combination Wrench|Ratcheting Combination Wrench|Double Open-End Wrench|"
    "Double Ring Spanner|Flare Nut Wrench|Stubby Combination Wrench",
    "8 mm|10 mm|13 mm|17 mm|19 mm|22 mm|24 mm|27 mm",
    "chrome vanadium|satin finish|stainless steel" },
  { TL, "Hand Tools", "Socket Sets", "Set", 2990, 39900, 1,
    "Socket Set 1/4\"|Socket Set 3/8\"|Socket Set 1/2\"|Bit and Socket Set 1/4\" + 1/2\"",
    "24-pc|37-pc|46-pc|72-pc|94-pc|108-pc",
    "in blow-mould case|in metal case|in foam inlay" },
  { TL, "Accessories", "Drill Bits", "Pack", 290, 8990, 3,
    "HSS-G Twist Drill DIN 338|HSS-Co Twist Drill DIN 338|SDS-plus Hammer Drill Bit|"
    "SDS-max Hammer Drill Bit|Brad Point Wood Drill|Tile Drill Bit|Step Drill HSS",
    "4 mm|5 mm|6 mm|8 mm|10 mm|12 mm|14 mm|16 mm",
    "1 pc|5 pcs|10 pcs" },
  { TL, "Accessories", "Saw Blades", "Pack", 149, 4990, 2,
    "Jigsaw Blade T101B|Jigsaw Blade T118A|Reciprocating Saw Blade S922BF|"
    "Reciprocating Saw Blade S1531L|Bi-Metal Hole Saw|Circular Saw Blade 165x20 mm|"
    "Circular Saw Blade 190x30 mm|Circular Saw Blade 216x30 mm",
    "wood|laminate|aluminium|metal|multi-material",
    "1 pc|5 pcs|10 pcs|25 pcs" },
  { TL, "Accessories", "Cutting Discs", "Pack", 690, 8990, 3,
    "Cutting Disc Inox|Cutting Disc Metal|Cutting Disc Stone",
    "115x1.0 mm|125x1.0 mm|125x1.6 mm|180x1.6 mm|230x1.9 mm|230x3.0 mm",
    "10 pcs|25 pcs|50 pcs" },
  { TL, "Accessories", "Abrasives", "Pack", 590, 6990, 3,
    "Flap Disc Zirconia 115 mm|Flap Disc Zirconia 125 mm|Hook & Loop Sanding Disc 125 mm|"
    "Hook & Loop Sanding Disc 150 mm|Sanding Belt 75x533 mm|Sanding Sheet 115x230 mm",
    "K40|K60|K80|K120|K180|K240",
    "10 pcs|25 pcs|50 pcs|100 pcs" },

  { FA, "Bolts & Screws", "Hex Bolts", "Box", 450, 6900, 3,
    "Hex Bolt DIN 933|Hex Bolt DIN 931|Hex Bolt ISO 4017|Hex Bolt ISO 4014",
    "M6x20|M6x30|M8x20|M8x30|M8x40|M8x60|M10x30|M10x50|M12x40|M12x60|M16x60|M16x80",
    "8.8 zinc plated, 100 pcs|A2, 100 pcs|10.9 plain, 50 pcs|A4, 50 pcs" },
  { FA, "Bolts & Screws", "Wood Screws", "Box", 390, 4900, 3,
    "Chipboard Screw countersunk TX|Chipboard Screw pan head TX|Decking Screw TX|"
    "Construction Screw washer head TX",
    "3.5x30|4.0x40|4.5x50|5.0x60|5.0x80|6.0x100|6.0x120|8.0x160",
    "yellow zinc, 200 pcs|blue zinc, 500 pcs|A2, 100 pcs|yellow zinc, 1000 pcs" },
  { FA, "Bolts & Screws", "Machine Screws", "Box", 350, 4200, 3,
    "Socket Head Cap Screw DIN 912|Countersunk Screw ISO 10642|Button Head Screw ISO 7380|"
    "Slotted Cheese Head Screw DIN 84",
    "M3x10|M4x12|M5x16|M6x20|M6x30|M8x25|M8x40|M10x40",
    "8.8 zinc plated, 200 pcs|A2, 100 pcs|12.9 black, 100 pcs" },
  { FA, "Nuts & Washers", "Nuts", "Box", 290, 3900, 3,
    "Hex Nut DIN 934|Self-Locking Nut DIN 985|Flange Nut DIN 6923|Wing Nut DIN 315|"
    "Cap Nut DIN 1587",
    "M4|M5|M6|M8|M10|M12|M16|M20",
    "class 8 zinc plated, 200 pcs|A2, 100 pcs|A4, 50 pcs" },
  { FA, "Nuts & Washers", "Washers", "Box", 190, 2900, 3,
    "Flat Washer DIN 125|Large Washer DIN 9021|Spring Washer DIN 127|"
    "Serrated Lock Washer DIN 6798",
    "M4|M5|M6|M8|M10|M12|M16|M20",
    "zinc plated, 500 pcs|A2, 200 pcs|A4, 100 pcs" },
  { FA, "Anchors & Fixings", "Wall Plugs", "Box", 390, 3900, 3,
    "Nylon Wall Plug|Universal Plug|Frame Fixing|Plasterboard Fixing|Cavity Anchor",
    "5x25 mm|6x30 mm|8x40 mm|10x50 mm|10x80 mm|10x100 mm|14x70 mm",
    "100 pcs|200 pcs|50 pcs|with screws, 25 pcs" },
  { FA, "Anchors & Fixings", "Anchor Bolts", "Box", 1290, 14900, 2,
    "Through Bolt|Sleeve Anchor|Heavy-Duty Anchor|Concrete Screw|Hammer-In Anchor",
    "M6x65|M8x75|M8x95|M10x90|M10x115|M12x100|M12x130|M16x145",
    "zinc plated, 50 pcs|hot-dip galvanised, 20 pcs|A4, 25 pcs" },
  { FA, "Anchors & Fixings", "Threaded Rods", "Each", 190, 4900, 2,
    "Threaded Rod DIN 976-1|Threaded Rod DIN 975|Threaded Rod Class 8.8",
    "M6|M8|M10|M12|M16|M20|M24",
    "1 m, zinc plated|2 m, zinc plated|3 m, zinc plated|1 m, A2 stainless|1 m, A4 stainless" },

  { EL, "Cables & Wiring", "Installation Cable", "Roll", 2900, 69900, 2,
    "Single Core H07V-K|Flexible Cable H05VV-F|Installation Cable NYM-J|"
    "Rubber Cable H07RN-F|Halogen-Free Cable NHXMH-J",
    "2x0.75 mm²|3x1.5 mm²|3x2.5 mm²|5x1.5 mm²|5x2.5 mm²|1x10 mm²|5x6 mm²",
    "50 m ring|100 m ring|500 m drum" },
  { EL, "Cables & Wiring", "Cable Ties", "Pack", 149, 2990, 3,
    "Cable Tie natural|Cable Tie black UV-resistant|Releasable Cable Tie|Cable Tie with Mount|"
    "Stainless Steel Cable Tie",
    "2.5x100 mm|3.6x140 mm|3.6x200 mm|4.8x200 mm|4.8x300 mm|7.6x450 mm|9.0x780 mm",
    "100 pcs|500 pcs|1000 pcs" },
  { EL, "Cables & Wiring", "Conduit & Trunking", "Pack", 890, 12900, 2,
    "Corrugated Conduit|Rigid PVC Conduit|Flexible Metal Conduit|Cable Trunking",
    "M16|M20|M25|M32|M40|M50",
    "25 m roll|50 m roll|3 m length, 10 pcs|2 m length, 20 pcs" },
  { EL, "Switches & Protection", "Sockets", "Each", 390, 4900, 2,
    "Schuko Socket|Double Schuko Socket|USB-A/C Socket|Surface Socket IP44|"
    "CEE Socket 16A|CEE Socket 32A",
    "pure white|alpine white|anthracite|aluminium|stainless steel",
    "flush mounted|surface mounted|with hinged lid" },
  { EL, "Switches & Protection", "Switches", "Each", 390, 8900, 2,
    "Rocker Switch|Two-Way Switch|Intermediate Switch|Push Button|Blind Switch|"
    "LED Dimmer 5-200W",
    "pure white|alpine white|anthracite|aluminium|stainless steel",
    "flush mounted|surface mounted|illuminated" },
  { EL, "Switches & Protection", "Circuit Protection", "Each", 390, 14900, 2,
    "Circuit Breaker 1P B-curve|Circuit Breaker 1P C-curve|Circuit Breaker 3P B-curve|"
    "Circuit Breaker 3P C-curve|RCBO 1P+N B-curve",
    "6A|10A|13A|16A|20A|25A|32A|40A",
    "6 kA|10 kA" },
  { EL, "Lighting", "LED Lamps", "Pack", 990, 8900, 2,
    "LED Bulb E14|LED Bulb E27|LED Filament Bulb E27|LED Spot GU10|LED Tube T8",
    "4.9W|5.5W|7W|9.5W|11W|18W|24W",
    "2700K, 10 pcs|3000K, 10 pcs|4000K, 10 pcs|6500K, 5 pcs" },
  { EL, "Lighting", "LED Panels & Floodlights", "Each", 1990, 29900, 1,
    "LED Batten IP65|LED Panel 600x600|LED Panel 1200x300|LED Floodlight|LED High Bay",
    "20W|30W|36W|50W|100W|150W|200W",
    "3000K|4000K|5000K|6500K" },
  { EL, "Lighting", "Work & Emergency Lights", "Each", 1490, 24900, 1,
    "LED Torch|LED Headlamp|LED Work Light|Cordless LED Work Light|Emergency Light Fitting|"
    "Exit Sign Luminaire",
    "500 lm|1000 lm|2000 lm|3000 lm|5000 lm|10000 lm",
    "IP54|IP65|IP67" },

  { PL, "Pipes & Fittings", "Press Fittings", "Pack", 990, 19900, 3,
    "Press Coupling|Press Elbow 90°|Press Tee|Press Reducer|Press Adaptor Male Thread|"
    "Press Adaptor Female Thread",
    "15 mm|18 mm|22 mm|28 mm|35 mm|42 mm|54 mm",
    "copper, 10 pcs|gunmetal, 5 pcs|stainless steel, 5 pcs" },
  { PL, "Pipes & Fittings", "Multilayer Pipe", "Roll", 4900, 39900, 2,
    "Multilayer Pipe PE-RT/AL/PE-RT|PEX-AL-PEX Pipe|Multilayer Pipe pre-insulated",
    "16x2.0|20x2.0|26x3.0|32x3.0|40x3.5",
    "5 m length, 10 pcs|50 m coil|100 m coil|200 m coil" },
  { PL, "Pipes & Fittings", "Threaded Fittings", "Pack", 290, 4900, 3,
    "Plug|Cap|Socket|Hex Nipple|Reducing Bush|Malleable Iron Elbow|Malleable Iron Tee|"
    "Union Flat Seat",
    "1/4\"|3/8\"|1/2\"|3/4\"|1\"|1 1/4\"|1 1/2\"|2\"",
    "black|galvanised" },
  { PL, "Valves", "Ball Valves", "Each", 690, 12900, 2,
    "Ball Valve Full Bore|Ball Valve with Drain|Lockable Ball Valve|Gas Ball Valve|"
    "Angle Ball Valve",
    "1/2\"|3/4\"|1\"|1 1/4\"|1 1/2\"|2\"",
    "brass, lever handle|brass, butterfly handle|nickel-plated|stainless steel" },
  { PL, "Valves", "Check & Pressure Valves", "Each", 990, 24900, 1,
    "Spring Check Valve|Y-Strainer|Safety Valve|Pressure Reducing Valve|Backflow Preventer",
    "1/2\"|3/4\"|1\"|1 1/4\"|1 1/2\"|2\"",
    "brass|gunmetal|stainless steel" },
  { PL, "Valves", "Radiator Valves", "Each", 590, 4900, 2,
    "Valve Insert|Lockshield Valve|Thermostatic Radiator Valve Body|Thermostatic Head|"
    "Radiator Connection Set",
    "M30x1.5|DN10 straight|DN10 angle|DN15 straight|DN15 angle|DN20 angle",
    "white|chrome|nickel-plated" },
  { PL, "Sanitary & Installation", "Taps & Mixers", "Each", 3900, 39900, 1,
    "Wall-Mounted Tap|Basin Mixer|Kitchen Mixer|Shower Mixer|Bath Mixer|Sensor Tap",
    "chrome|white|brushed steel|matt black",
    "standard|low pressure|with pop-up waste|with pull-out spray" },
  { PL, "Sanitary & Installation", "Drainage", "Each", 190, 2900, 3,
    "HT Bend 45°|HT Bend 87°|HT Branch 45°|HT Pipe 500 mm|HT Pipe 1000 mm|HT Pipe 2000 mm|"
    "KG Bend 45°|KG Pipe 1000 mm|KG Pipe 2000 mm",
    "DN40|DN50|DN75|DN110",
    "1 pc|10 pcs" },
  { PL, "Sanitary & Installation", "Pipe Clamps", "Box", 590, 5900, 3,
    "Pipe Clamp Single|Pipe Clamp with Rubber Lining|Pipe Clamp Double|Heavy-Duty Pipe Clamp",
    "12-14 mm|15-19 mm|20-23 mm|25-28 mm|32-35 mm|40-43 mm|48-51 mm|53-58 mm",
    "M8, 10 pcs|M8/M10, 25 pcs|M10, 50 pcs" },

  { SA, "Hand Protection", "Work Gloves", "Pair", 149, 1490, 3,
    "PU Coated Assembly Glove|Nitrile Coated Work Glove|Leather Rigger Glove|"
    "Thermal Winter Glove|Cut-Resistant Glove Level C|Cut-Resistant Glove Level F|"
    "Chemical-Resistant Glove",
    "size 7|size 8|size 9|size 10|size 11",
    "1 pair|12 pairs|72 pairs" },
  { SA, "Hand Protection", "Disposable Gloves", "Box", 490, 2490, 3,
    "Disposable Vinyl Glove|Disposable Latex Glove|Disposable Nitrile Glove|"
    "Heavy-Duty Nitrile Glove",
    "S|M|L|XL|XXL",
    "blue, 100 pcs|white, 100 pcs|black, 100 pcs|orange, 50 pcs" },
  { SA, "Head & Face Protection", "Safety Glasses", "Each", 290, 2490, 2,
    "Safety Spectacles|Sport-Style Safety Glasses|Overspecs|Safety Goggles Indirect Vent|"
    "Face Shield with Visor",
    "clear|anti-fog clear|amber|smoke|indoor/outdoor mirror",
    "EN 166 1F|EN 166 FT K N|EN 166 BT" },
  { SA, "Head & Face Protection", "Hearing Protection", "Each", 99, 4990, 2,
    "Foam Ear Plugs|Banded Ear Plugs|Reusable Ear Plugs|Ear Muffs|Helmet-Mounted Ear Muffs|"
    "Electronic Ear Muffs",
    "SNR 25 dB|SNR 28 dB|SNR 31 dB|SNR 33 dB|SNR 36 dB|SNR 37 dB",
    "single|pack of 5|pack of 10" },
  { SA, "Head & Face Protection", "Safety Helmets", "Each", 890, 8990, 1,
    "Bump Cap|Safety Helmet|Safety Helmet Vented|Climbing Helmet|Electrician Helmet 1000V",
    "white|yellow|red|blue|orange|green",
    "EN 397|EN 397 + EN 50365|EN 12492" },
  { SA, "Head & Face Protection", "Respiratory Protection", "Each", 99, 14990, 2,
    "Disposable Respirator FFP1|Disposable Respirator FFP2|Disposable Respirator FFP2 with valve|"
    "Disposable Respirator FFP3 with valve|Particle Filter P3|Combination Filter A2P3|"
    "Combination Filter ABEK1P3|Reusable Half Mask|Full Face Mask",
    "size S|size M|size L|universal",
    "single|pack of 10|pack of 20" },
  { SA, "Workwear & Footwear", "Safety Shoes", "Pair", 3990, 14900, 2,
    "Safety Sandal S1|Safety Shoe S1P|Safety Shoe S3|Safety Boot S3|Safety Boot S3 Winter",
    "size 38|size 39|size 40|size 41|size 42|size 43|size 44|size 45|size 46|size 47",
    "black|black/grey|brown" },
  { SA, "Workwear & Footwear", "Hi-Vis Clothing", "Each", 390, 12900, 2,
    "Hi-Vis Vest|Hi-Vis Polo Shirt|Hi-Vis Trousers|Hi-Vis Softshell Jacket|Hi-Vis Jacket|"
    "Hi-Vis Parka",
    "S|M|L|XL|XXL|3XL",
    "yellow, Class 2|orange, Class 2|yellow, Class 3|orange, Class 3" },

  { HV, "Ventilation", "Ducting", "Each", 390, 8990, 2,
    "Duct Reducer|Duct Bend 45°|Duct Bend 90°|Duct Tee|Backdraft Damper|"
    "Flexible Aluminium Duct 3 m|Spiral Duct 3 m",
    "Ø100|Ø125|Ø150|Ø160|Ø200|Ø250|Ø315",
    "galvanised|aluminium|insulated" },
  { HV, "Ventilation", "Fans", "Each", 2990, 49900, 1,
    "Bathroom Extract Fan|Inline Duct Fan|Axial Wall Fan|Centrifugal Fan|Roof Fan",
    "Ø100|Ø125|Ø150|Ø200|Ø250|Ø315",
    "standard|with timer|with humidity sensor|EC motor" },
  { HV, "Ventilation", "Air Filters", "Each", 690, 8900, 2,
    "Filter Mat|Panel Filter|Pleated Filter|Bag Filter|Activated Carbon Filter",
    "ISO Coarse 60%|ISO ePM10 50%|ISO ePM10 70%|ISO ePM2.5 65%|ISO ePM1 55%|ISO ePM1 80%",
    "287x287 mm|592x287 mm|490x592 mm|592x592 mm" },
  { HV, "Heating", "Radiators", "Each", 6900, 39900, 1,
    "Panel Radiator Type 11|Panel Radiator Type 21|Panel Radiator Type 22|"
    "Panel Radiator Type 33|Towel Radiator",
    "300x800|500x600|600x800|500x1000|900x600|600x1200",
    "white RAL 9016|valve compact|anthracite" },
  { HV, "Heating", "Circulation Pumps", "Each", 8900, 59900, 1,
    "Hot Water Circulation Pump|High-Efficiency Circulation Pump|Solar Circulation Pump|"
    "Heating Pump Replacement Unit",
    "15-40|25-40|25-60|25-80|32-60|32-80",
    "130 mm|180 mm|with thermostat" },
  { HV, "Heating", "Thermostats & Controls", "Each", 1490, 19900, 1,
    "Room Thermostat|Programmable Room Thermostat|Wireless Room Thermostat|Thermal Actuator|"
    "Outdoor Temperature Sensor|Underfloor Heating Controller",
    "24V|230V|battery powered",
    "white|silver|anthracite" },
  { HV, "Insulation", "Pipe Insulation", "Pack", 590, 12900, 3,
    "Pipe Insulation PE|Pipe Insulation Elastomeric|Pipe Insulation Mineral Wool Aluminium-Faced",
    "15x9 mm|18x13 mm|22x13 mm|28x13 mm|35x19 mm|42x19 mm|54x25 mm",
    "1 m, 20 pcs|2 m, 10 pcs|2 m, 50 pcs" },
  { HV, "Insulation", "Insulation Tape", "Pack", 249, 2490, 2,
    "PVC Insulation Tape|Aluminium Tape|Duct Sealing Tape|Elastomeric Insulation Tape",
    "50 mm x 15 m|50 mm x 50 m|75 mm x 50 m|100 mm x 50 m|3 mm x 50 mm x 15 m",
    "1 roll|6 rolls|24 rolls" },

  { AD, "Sealants", "Silicone", "Each", 399, 1990, 3,
    "Sanitary Silicone|Neutral Silicone|Construction Silicone|High-Temperature Silicone|"
    "Aquarium Silicone",
    "white|transparent|grey|black|jasmine|manhattan|bahama beige",
    "310 ml cartridge|600 ml foil bag|300 ml cartridge, 12 pcs" },
  { AD, "Sealants", "Acrylic & Hybrid Sealants", "Each", 390, 9900, 2,
    "Painter's Acrylic|Joint Acrylic|Polyurethane Sealant|Hybrid Polymer Sealant MS|"
    "Fire-Rated Sealant",
    "white|grey|concrete grey|black|transparent",
    "310 ml cartridge|600 ml foil bag|290 ml cartridge, 12 pcs" },
  { AD, "Sealants", "Expanding Foam", "Each", 590, 2490, 3,
    "PU Expanding Foam|PU Gun Foam|Low-Expansion Window Foam|Fire-Rated PU Foam|2K PU Foam",
    "500 ml|750 ml|880 ml",
    "B2|all-season|winter grade|B1" },
  { AD, "Adhesives", "Construction Adhesives", "Each", 390, 6990, 2,
    "Wood Glue D3|Wood Glue D4|Assembly Adhesive|Mounting Adhesive Hybrid|"
    "Construction Adhesive PU|Flexible Tile Adhesive",
    "290 ml cartridge|310 ml cartridge|500 g bottle|1 kg bucket|5 kg bucket|25 kg bag",
    "white|transparent|grey" },
  { AD, "Adhesives", "Instant & Epoxy Adhesives", "Each", 299, 3990, 2,
    "Instant Adhesive Cyanoacrylate|Plastic Bonder|2K Epoxy Adhesive|Metal Repair Epoxy|"
    "Threadlocker Medium Strength|Threadlocker High Strength|Retaining Compound|Flange Sealant",
    "5 g|20 g|24 ml syringe|50 ml|250 ml",
    "single|pack of 10" },
  { AD, "Tapes & Sprays", "Adhesive Tapes", "Roll", 149, 1490, 3,
    "Masking Tape|PVC Electrical Tape|Duct Tape|Double-Sided Tape|Warning Tape|Anti-Slip Tape",
    "19 mm x 25 m|25 mm x 50 m|38 mm x 50 m|48 mm x 50 m|50 mm x 25 m|50 mm x 50 m",
    "1 roll|6 rolls|36 rolls" },
  { AD, "Tapes & Sprays", "Technical Sprays", "Each", 349, 1990, 3,
    "Multi-Purpose Oil Spray|PTFE Lubricant Spray|Silicone Spray|Contact Cleaner|"
    "Brake Cleaner|Zinc Spray|Cutting Oil Spray|Leak Detection Spray",
    "300 ml|400 ml|500 ml",
    "single|12 pcs|24 pcs" },

  { WE, "Welding Machines", "MIG-MAG Welders", "Each", 39900, 349900, 1,
    "Flux-Cored Welder|MIG/MAG Welder|Pulse MIG Welder|Multi-Process Welder MIG/TIG/MMA",
    "160 A|200 A|250 A|320 A|400 A",
    "230V|compact|400V|with wire feed unit" },
  { WE, "Welding Machines", "TIG & Stick Welders", "Each", 24900, 299900, 1,
    "Stick Welder Inverter|TIG Welder DC|TIG Welder AC/DC|Plasma Cutter",
    "150 A|180 A|200 A|220 A|300 A",
    "230V|in case|400V|with cooling unit" },
  { WE, "Welding Consumables", "Welding Wire", "Spool", 990, 39900, 2,
    "MIG Wire SG2 G3Si1|Flux-Cored Wire E71T-1|Aluminium MIG Wire AlSi5|"
    "Aluminium MIG Wire AlMg5|Stainless MIG Wire 316LSi",
    "0.8 mm|1.0 mm|1.2 mm|1.6 mm",
    "1 kg spool|5 kg spool|15 kg spool|250 kg drum" },
  { WE, "Welding Consumables", "Electrodes", "Pack", 490, 12900, 2,
    "Rutile Electrode E6013|Basic Electrode E7018|Stainless Electrode 316L|"
    "Cast Iron Electrode|Tungsten Electrode WL15|Tungsten Electrode WC20",
    "1.6 mm|2.0 mm|2.5 mm|3.2 mm|4.0 mm",
    "10 pcs|1 kg pack|5 kg pack" },
  { WE, "Welding Consumables", "Torches & Wear Parts", "Pack", 290, 29900, 2,
    "Contact Tip|Gas Nozzle|Tip Adaptor|Wire Liner|MIG Torch|TIG Torch",
    "MB15|MB24|MB36|SR17|SR26",
    "10 pcs|3 m|4 m|5 m" },
  { WE, "Welding Safety", "Welding Helmets", "Each", 1990, 49900, 1,
    "Grinding Visor|Passive Welding Helmet|Auto-Darkening Welding Helmet|"
    "Welding Helmet with Fresh Air System",
    "shade 11|shade 9-13|shade 5-13|shade 4/9-13",
    "black|graphic design|with side windows" },
  { WE, "Welding Safety", "Welding Gloves & Apparel", "Each", 890, 14900, 2,
    "MIG Welding Gloves|TIG Welding Gloves|Welding Sleeves|Welding Apron Leather|"
    "Welding Jacket FR Cotton|Welding Jacket Leather",
    "size S|size M|size L|size XL|size XXL",
    "class 1|class 2" },

  { ME, "Length & Level", "Tape Measures & Rules", "Each", 390, 8990, 2,
    "Tape Measure|Folding Rule Wood|Folding Rule Fibreglass|Long Steel Tape Measure|"
    "Surveyor's Tape",
    "3 m|5 m|8 m|10 m|20 m|30 m|50 m",
    "class II|magnetic hook|class I" },
  { ME, "Length & Level", "Spirit Levels", "Each", 790, 14900, 2,
    "Torpedo Level|Spirit Level Aluminium|Spirit Level Magnetic|Box Section Level|"
    "Digital Spirit Level",
    "25 cm|40 cm|60 cm|80 cm|100 cm|120 cm|180 cm|200 cm",
    "2 vials|3 vials" },
  { ME, "Length & Level", "Laser Measuring", "Each", 3990, 129900, 1,
    "Point Laser|Laser Distance Meter|Cross Line Laser|Line Laser Green|Rotary Laser",
    "30 m|50 m|80 m|100 m|150 m|300 m",
    "red|green|in case|with tripod" },
  { ME, "Electrical Testing", "Multimeters & Testers", "Each", 1990, 89900, 1,
    "Socket Tester|Voltage Tester 2-pole|Digital Multimeter|Clamp Meter AC/DC|"
    "Insulation Tester|Installation Tester",
    "CAT III 600V|CAT IV 600V|CAT III 1000V|CAT IV 1000V",
    "with test leads|True RMS|with case" },
  { ME, "Electrical Testing", "Thermal & Environmental Meters", "Each", 2490, 149900, 1,
    "Hygrometer|Contact Thermometer|Infrared Thermometer|Moisture Meter|Sound Level Meter|"
    "Thermal Imaging Camera",
    "basic|professional|with data logger|with Bluetooth",
    "with batteries|with case" },
  { ME, "Precision Measuring", "Calipers & Micrometers", "Each", 1490, 29900, 1,
    "Vernier Caliper|Dial Caliper|Digital Caliper|Depth Gauge|Outside Micrometer|Height Gauge",
    "0-25 mm|25-50 mm|0-150 mm|0-200 mm|0-300 mm",
    "0.05 mm|0.02 mm|0.01 mm|IP67 0.01 mm" },
  { ME, "Precision Measuring", "Gauges & Indicators", "Each", 990, 19900, 1,
    "Feeler Gauge Set|Radius Gauge Set|Thread Gauge Metric|Dial Indicator|Magnetic Stand|"
    "Bore Gauge",
    "6-pc|13-pc|20-pc|0.01 mm|0.001 mm|0.05-1.00 mm",
    "standard|with case" },
};

const guint _sp_demo_n_leaves = G_N_ELEMENTS (_sp_demo_leaves);
