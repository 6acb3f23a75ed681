/** Vocabulary for the demo brand: realistic fashion-wholesale names, colours, sizes and places. */
export const SEASONS = [
  { name: "AUTUMN/WINTER 25", code: "AW25", startDate: "2025-02-01" },
  { name: "SPRING/SUMMER 26", code: "SS26", startDate: "2025-08-01" },
  { name: "AUTUMN/WINTER 26", code: "AW26", startDate: "2026-02-01" },
  { name: "SPRING/SUMMER 27", code: "SS27", startDate: "2026-08-01" },
];

export const GARMENTS = [
  { name: "Oversized Wool Coat", category: "Outerwear", composition: "80% Wool, 20% Polyamide", sizes: ["XS", "S", "M", "L", "XL"], price: 189 },
  { name: "Selvedge Denim Jean", category: "Denim", composition: "100% Cotton", sizes: ["26", "27", "28", "29", "30", "31", "32"], price: 79 },
  { name: "Cashmere Crew Knit", category: "Knitwear", composition: "100% Cashmere", sizes: ["XS", "S", "M", "L"], price: 145 },
  { name: "Poplin Shirt", category: "Shirts", composition: "100% Organic Cotton", sizes: ["XS", "S", "M", "L", "XL"], price: 59 },
  { name: "Pleated Midi Skirt", category: "Skirts", composition: "100% Viscose", sizes: ["34", "36", "38", "40", "42"], price: 69 },
  { name: "Leather Tote", category: "Accessories", composition: "100% Leather", sizes: ["One Size"], price: 120 },
  { name: "Merino Beanie", category: "Accessories", composition: "100% Merino Wool", sizes: ["One Size"], price: 22 },
  { name: "Tailored Trouser", category: "Trousers", composition: "98% Wool, 2% Elastane", sizes: ["34", "36", "38", "40", "42", "44"], price: 89 },
  { name: "Quilted Gilet", category: "Outerwear", composition: "100% Recycled Nylon", sizes: ["S", "M", "L", "XL"], price: 99 },
  { name: "Jersey T-Shirt", category: "Jersey", composition: "100% Cotton", sizes: ["XS", "S", "M", "L", "XL", "XXL"], price: 24 },
];

export const COLOURS = [
  { code: "BLK", name: "Black", rgb: { r: 20, g: 20, b: 20 } },
  { code: "NVY", name: "Navy", rgb: { r: 28, g: 40, b: 80 } },
  { code: "ECR", name: "Ecru", rgb: { r: 236, g: 228, b: 208 } },
  { code: "CML", name: "Camel", rgb: { r: 193, g: 154, b: 107 } },
  { code: "OLV", name: "Olive", rgb: { r: 107, g: 112, b: 60 } },
  { code: "BRG", name: "Burgundy", rgb: { r: 110, g: 26, b: 46 } },
];

export const SHOP_WORDS = ["Maison", "Atelier", "Studio", "Boutique", "Collective", "House", "Store", "Edit", "Room", "Gallery"];
export const SHOP_NAMES = [
  "Alba",
  "Nord",
  "Linden",
  "Sable",
  "Corso",
  "Rivage",
  "Hollis",
  "Kite",
  "Meridian",
  "Oak",
  "Paloma",
  "Quill",
  "Rowan",
  "Tessa",
  "Vale",
];
export const CITIES = [
  { city: "London", country: "GB", currency: "GBP", postal: "EC1V 9HX" },
  { city: "Manchester", country: "GB", currency: "GBP", postal: "M1 1AE" },
  { city: "Paris", country: "FR", currency: "EUR", postal: "75003" },
  { city: "Milan", country: "IT", currency: "EUR", postal: "20121" },
  { city: "Berlin", country: "DE", currency: "EUR", postal: "10115" },
  { city: "Copenhagen", country: "DK", currency: "EUR", postal: "1160" },
  { city: "Amsterdam", country: "NL", currency: "EUR", postal: "1015" },
  { city: "Madrid", country: "ES", currency: "EUR", postal: "28004" },
];
export const STREETS = ["High Street", "Rue de Turenne", "Via Tortona", "Torstraße", "Strøget", "Herengracht", "Calle Fuencarral", "King Street"];
