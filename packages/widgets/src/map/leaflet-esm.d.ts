// leaflet 1.9 has no `exports` map: its ES module build is a file of its own, typed by @types/leaflet
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
