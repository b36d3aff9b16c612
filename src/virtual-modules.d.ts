/** The address of the basemap built with the app (scripts/lib/basemap-plugin.ts). */
declare module "virtual:uplinks-basemap" {
  const url: string;
  export default url;
}
