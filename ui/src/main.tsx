import { render } from "preact";
import { App } from "./app.tsx";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/data.css";
import "./styles/ticket.css";

const root = document.getElementById("app");
if (root) render(<App />, root);
