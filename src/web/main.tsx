// The page's first script, kept tiny: it asks for the screen's code and data at once, then loads
// the app. React, antd and the rest arrive in parallel with the data instead of before it.
import { startRoute } from "./boot/route-data";
import "./app.css";

startRoute(location.pathname);
void import("./root").then(({ mountApp }) => mountApp());
